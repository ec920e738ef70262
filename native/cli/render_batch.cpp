// `hooksmith render --jsonl --config FILE`: one config compiled once, one context per stdin line.
// Built for throughput: stdin read in blocks, each line's text handed to the context parser as
// it is (never parsed twice or re-dumped), output lines rendered straight into the output block,
// not through a Request or a JSON tree.
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/json.hpp"
#include "hooksmith/webhook.hpp"
#include "webhook/request_json.hpp"

namespace hooksmith::cli {

namespace {

// What one envelope line {"context":…,"id":…,"timestamp":…} holds; the context stays text.
struct EnvelopeLine {
    std::string_view context_text = "{}";
    std::string context_from_string;  // when "context" was given as a JSON string of JSON text
    bool context_is_string = false;
    std::optional<std::string> id;
    std::optional<std::int64_t> timestamp;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The end of the JSON value starting at `p` (or where it cannot continue): brackets counted,
// strings skipped. The value's text is validated later by the real parser.
const char* skip_value(const char* p, const char* end) {
    std::size_t depth = 0;
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            for (++p; p < end && *p != '"'; ++p)
                if (*p == '\\' && p + 1 < end) ++p;
            if (p < end) ++p;
            if (depth == 0) return p;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return p;
            if (--depth == 0) return p + 1;
        } else if (c == ',' && depth == 0) {
            return p;
        }
        ++p;
    }
    return p;
}

[[noreturn]] void envelope_error(const char* what) {
    throw Error(ErrorKind::input, std::string("input line: ") + what +
                                      " (with --envelope each line is {\"context\":{…},\"id\":\"…\",\"timestamp\":N})");
}

EnvelopeLine read_envelope(std::string_view line) {
    EnvelopeLine out;
    const char* p = line.data();
    const char* const end = p + line.size();
    const auto skip_spaces = [&] { while (p < end && is_space(*p)) ++p; };
    skip_spaces();
    if (p == end || *p != '{') envelope_error("expected a JSON object");
    ++p;
    skip_spaces();
    bool first = true;
    while (p < end && *p != '}') {
        if (!first) {
            if (*p != ',') envelope_error("expected ',' or '}' after a member");
            ++p;
            skip_spaces();
        }
        first = false;
        if (p == end || *p != '"') envelope_error("expected a member name in double quotes");
        const char* key_end = skip_value(p, end);
        const Value key = parse_json(std::string_view(p, static_cast<std::size_t>(key_end - p)));
        p = key_end;
        skip_spaces();
        if (p == end || *p != ':') envelope_error("expected ':' after a member name");
        ++p;
        skip_spaces();
        const char* value_end = skip_value(p, end);
        const std::string_view value_text(p, static_cast<std::size_t>(value_end - p));
        p = value_end;
        skip_spaces();
        const std::string& name = key.as_string();
        if (name == "context") {
            out.context_is_string = !value_text.empty() && value_text.front() == '"';
            if (out.context_is_string) {
                out.context_from_string = parse_json(value_text).as_string();
            } else if (!value_text.empty() && value_text.front() == 'n') {
                if (!parse_json(value_text).is_none()) envelope_error("context must be an object or its JSON text");
                out.context_text = "{}";
            } else {
                out.context_text = value_text;  // parsed once, by Context::from_json_text
            }
        } else if (name == "id") {
            const Value id = parse_json(value_text);
            if (id.is_string()) out.id = id.as_string();
            else if (!id.is_none()) envelope_error("id must be a string");
        } else if (name == "timestamp") {
            const Value timestamp = parse_json(value_text);
            if (timestamp.is_int()) out.timestamp = timestamp.as_int();
            else if (!timestamp.is_none()) throw Error(ErrorKind::input, "timestamp must be an integer (Unix seconds)");
        } else {
            envelope_error("unknown member; expected context, id or timestamp");
        }
    }
    if (p == end) envelope_error("expected '}' at the end of the object");
    ++p;
    skip_spaces();
    if (p != end) envelope_error("unexpected text after the object");
    if (out.context_is_string) out.context_text = out.context_from_string;
    return out;
}

// Output lines go into one block written to stdout when it fills. The webhook layer appends
// each request's JSON text to the block itself (detail::render_request_json), and a block holds
// whole lines only, so a line that fails half-way is taken back before it is written.
class LineWriter {
public:
    static constexpr std::size_t kFlushBytes = std::size_t(1) << 16;
    static constexpr std::size_t kKeptBytes = kFlushBytes * 2;  // a larger block (a huge line) is given back

    LineWriter() { block_.reserve(kKeptBytes); }
    LineWriter(const LineWriter&) = delete;
    LineWriter& operator=(const LineWriter&) = delete;
    ~LineWriter() { flush(); }

    // The block, to append one line to; end_line() ends it, take_back() drops it.
    std::string& block() { return block_; }
    std::size_t line_start() const { return block_.size(); }
    void take_back(std::size_t line_start) { block_.resize(line_start); }
    void end_line() {
        block_ += '\n';
        if (block_.size() < kFlushBytes) return;
        flush();
        if (block_.capacity() > kKeptBytes) {
            block_ = std::string();
            block_.reserve(kKeptBytes);
        }
    }
    void write_line(const std::string& text) {
        block_ += text;
        end_line();
    }
    void flush() {
        if (!block_.empty()) std::fwrite(block_.data(), 1, block_.size(), stdout);
        block_.clear();
    }

private:
    std::string block_;
};

// {"request":{"method","url","headers":[[n,v]…],"body"}} as `to_line(request_to_json(…))` writes
// it, straight from the render where the webhook allows (writes_request_json), else from the
// Request. A string that is not valid UTF-8 (nlohmann substitutes U+FFFD) sends the line through
// nlohmann instead.
void write_request_line(LineWriter& writer, const CompiledWebhook& webhook, bool direct, const Context& context,
                        const RenderInput& input) {
    std::string& block = writer.block();
    const std::size_t start = writer.line_start();
    block += "{\"request\":";
    if (direct) {
        try {
            detail::render_request_json(block, webhook, context, input);
        } catch (...) {
            writer.take_back(start);
            throw;
        }
        block += '}';
        writer.end_line();
        return;
    }
    // render() may throw: nothing is written for the line yet but its first bytes.
    Request request;
    try {
        request = webhook.render(context, input);
    } catch (...) {
        writer.take_back(start);
        throw;
    }
    if (detail::append_request_json(block, request)) {
        block += '}';
        writer.end_line();
        return;
    }
    writer.take_back(start);
    nlohmann::ordered_json line;
    line["request"] = request_to_json(request);
    writer.write_line(to_line(line));
}

// Calls `on_line` for each line of stdin (without its '\n'), reading in large blocks straight
// into the buffer the lines are read from.
template <typename OnLine>
void for_each_stdin_line(OnLine on_line) {
    std::size_t capacity = std::size_t(1) << 16;
    std::unique_ptr<char[]> buffer(new char[capacity]);
    std::size_t filled = 0;  // bytes read into buffer
    std::size_t start = 0;   // where the next line begins
    for (;;) {
        if (filled == capacity) {
            if (start > 0) {  // move the unfinished line to the front
                std::memmove(buffer.get(), buffer.get() + start, filled - start);
                filled -= start;
                start = 0;
            } else {  // a line longer than the buffer
                std::unique_ptr<char[]> larger(new char[capacity * 2]);
                std::memcpy(larger.get(), buffer.get(), filled);
                buffer = std::move(larger);
                capacity *= 2;
            }
        }
        const std::size_t read = std::fread(buffer.get() + filled, 1, capacity - filled, stdin);
        if (read == 0) break;
        const char* const base = buffer.get();
        const char* scan = base + filled;
        filled += read;
        while (const void* newline = std::memchr(scan, '\n', static_cast<std::size_t>(base + filled - scan))) {
            const char* const line_end = static_cast<const char*>(newline);
            on_line(std::string_view(base + start, static_cast<std::size_t>(line_end - (base + start))));
            start = static_cast<std::size_t>(line_end - base) + 1;
            scan = line_end + 1;
        }
    }
    if (filled > start) on_line(std::string_view(buffer.get() + start, filled - start));
}

}  // namespace

int render_jsonl_with_config(const std::string& config_path, const BatchDefaults& defaults) {
    const CompiledWebhook webhook = CompiledWebhook::compile(read_file(config_path));
    RenderInput base_input;
    base_input.id = defaults.id;
    base_input.timestamp_seconds = defaults.timestamp;
    const bool direct = detail::writes_request_json(webhook);
    LineWriter writer;
    for_each_stdin_line([&](std::string_view line) {
        if ((line.empty() || line.front() != '{') && line.find_first_not_of(" \t\r") == std::string_view::npos) return;
        try {
            if (defaults.envelope) {
                const EnvelopeLine envelope = read_envelope(line);
                RenderInput input = base_input;
                if (envelope.id) input.id = envelope.id;
                if (envelope.timestamp) input.timestamp_seconds = envelope.timestamp;
                write_request_line(writer, webhook, direct, Context::from_json_text(envelope.context_text), input);
            } else {
                write_request_line(writer, webhook, direct, Context::from_json_text(line), base_input);
            }
        } catch (const Error& error) {
            writer.write_line(to_line(nlohmann::ordered_json{{"error", error_to_json(error)}}));
        }
    });
    writer.flush();
    std::fflush(stdout);
    return ok;
}

}  // namespace hooksmith::cli
