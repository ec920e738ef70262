// `hooksmith render --jsonl --config FILE`: one config compiled once, one context per stdin line.
// Built for throughput: stdin read in blocks, each line's text handed to the context parser as
// it is (never parsed twice or re-dumped), output lines written directly, not through a JSON tree.
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli.hpp"
#include "json_escape.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/json.hpp"
#include "hooksmith/webhook.hpp"

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

// Output lines go into one block written to stdout when it fills: each line is written through a
// pointer into room reserved for its worst case (no std::string growth or zero-filling per piece),
// and a block holds whole lines only, so a line can still be taken back before it is written.
class LineWriter {
public:
    static constexpr std::size_t kFlushBytes = std::size_t(1) << 16;
    static constexpr std::size_t kKeptBytes = kFlushBytes * 2;  // a larger block (a huge line) is given back

    LineWriter() : data_(new char[kKeptBytes]), capacity_(kKeptBytes) {}
    LineWriter(const LineWriter&) = delete;
    LineWriter& operator=(const LineWriter&) = delete;
    ~LineWriter() { flush(); }

    // Room for `bytes` more, after what is written; valid until commit().
    char* reserve(std::size_t bytes) {
        if (capacity_ - size_ < bytes) {
            flush();
            if (capacity_ < bytes) {
                data_.reset(new char[bytes]);
                capacity_ = bytes;
            }
        }
        return data_.get() + size_;
    }
    // Ends a line written at reserve()'s pointer, up to `end`.
    void commit(char* end) {
        size_ = static_cast<std::size_t>(end - data_.get());
        if (size_ < kFlushBytes) return;
        flush();
        if (capacity_ > kKeptBytes) {
            data_.reset(new char[kKeptBytes]);
            capacity_ = kKeptBytes;
        }
    }
    void write_line(const std::string& text) {
        char* d = reserve(text.size() + 1);
        std::memcpy(d, text.data(), text.size());
        d[text.size()] = '\n';
        commit(d + text.size() + 1);
    }
    void flush() {
        if (size_ > 0) std::fwrite(data_.get(), 1, size_, stdout);
        size_ = 0;
    }

private:
    std::unique_ptr<char[]> data_;
    std::size_t capacity_;
    std::size_t size_ = 0;
};

template <std::size_t N>
char* put(char* d, const char (&text)[N]) {
    std::memcpy(d, text, N - 1);
    return d + N - 1;
}

// {"request":{"method","url","headers":[[n,v]…],"body"}} as `to_line(request_to_json(…))` writes
// it. A string that is not valid UTF-8 (nlohmann substitutes U+FFFD) sends the line through
// nlohmann instead.
void write_request_line(LineWriter& writer, const Request& request) {
    std::size_t room = sizeof "{\"request\":{\"method\":,\"url\":,\"headers\":[],\"body\":null}}\n" +
                       escaped_json_room(request.method.size()) + escaped_json_room(request.url.size()) +
                       (request.body ? escaped_json_room(request.body->size()) : 0);
    for (const auto& [name, value] : request.headers)
        room += sizeof ",[,]" + escaped_json_room(name.size()) + escaped_json_room(value.size());
    char* d = writer.reserve(room);
    d = put(d, "{\"request\":{\"method\":");
    d = escape_json_string(d, request.method);
    if (d) d = put(d, ",\"url\":");
    if (d) d = escape_json_string(d, request.url);
    if (d) d = put(d, ",\"headers\":[");
    for (std::size_t i = 0; d && i < request.headers.size(); ++i) {
        if (i) *d++ = ',';
        *d++ = '[';
        d = escape_json_string(d, request.headers[i].first);
        if (d) *d++ = ',';
        if (d) d = escape_json_string(d, request.headers[i].second);
        if (d) *d++ = ']';
    }
    if (d) d = put(d, "],\"body\":");
    if (d && request.body) d = escape_json_string(d, *request.body);
    else if (d) d = put(d, "null");
    if (d) {
        d = put(d, "}}\n");
        writer.commit(d);
        return;
    }
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
    LineWriter writer;
    for_each_stdin_line([&](std::string_view line) {
        if ((line.empty() || line.front() != '{') && line.find_first_not_of(" \t\r") == std::string_view::npos) return;
        try {
            if (defaults.envelope) {
                const EnvelopeLine envelope = read_envelope(line);
                RenderInput input = base_input;
                if (envelope.id) input.id = envelope.id;
                if (envelope.timestamp) input.timestamp_seconds = envelope.timestamp;
                write_request_line(writer, webhook.render(Context::from_json_text(envelope.context_text), input));
            } else {
                write_request_line(writer, webhook.render(Context::from_json_text(line), base_input));
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
