// `hooksmith render --jsonl --config FILE`: one config compiled once, one context per stdin line.
// Built for throughput: stdin read in blocks, each line's text handed to the context parser as
// it is (never parsed twice or re-dumped), output lines written directly, not through a JSON tree.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "cli.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/json.hpp"
#include "hooksmith/webhook.hpp"
#include "webhook/encode.hpp"

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

// Appends `s` as a JSON string the way nlohmann's dump writes it (the core's body encoder).
// Returns false when `s` is not valid UTF-8: nlohmann then substitutes U+FFFD and the caller
// lets it write that line.
bool append_json_string(std::string& out, std::string_view s) {
    if (!detail::is_valid_utf8(s)) return false;
    detail::append_json_string(out, s);
    return true;
}

// {"request":{"method","url","headers":[[n,v]…],"body"}} as `to_line(request_to_json(…))` writes it.
void append_request_line(std::string& out, const Request& request) {
    const std::size_t start = out.size();
    bool valid = true;
    out += "{\"request\":{\"method\":";
    valid = valid && append_json_string(out, request.method);
    out += ",\"url\":";
    valid = valid && append_json_string(out, request.url);
    out += ",\"headers\":[";
    for (std::size_t i = 0; valid && i < request.headers.size(); ++i) {
        out += i ? ",[" : "[";
        valid = append_json_string(out, request.headers[i].first);
        out += ',';
        valid = valid && append_json_string(out, request.headers[i].second);
        out += ']';
    }
    out += "],\"body\":";
    if (request.body) valid = valid && append_json_string(out, *request.body);
    else out += "null";
    out += "}}\n";
    if (valid) return;
    out.resize(start);
    nlohmann::ordered_json line;
    line["request"] = request_to_json(request);
    out += to_line(line);
    out += '\n';
}

// Calls `on_line` for each line of stdin (without its '\n'), reading in large blocks.
template <typename OnLine>
void for_each_stdin_line(OnLine on_line) {
    std::string buffer;
    std::size_t line_start = 0;
    char block[1 << 16];
    for (;;) {
        const std::size_t read = std::fread(block, 1, sizeof block, stdin);
        if (read == 0) break;
        std::size_t scanned = buffer.size();
        buffer.append(block, read);
        for (std::size_t newline; (newline = buffer.find('\n', scanned)) != std::string::npos; scanned = newline + 1) {
            on_line(std::string_view(buffer).substr(line_start, newline - line_start));
            line_start = newline + 1;
        }
        buffer.erase(0, line_start);
        line_start = 0;
    }
    if (!buffer.empty()) on_line(std::string_view(buffer));
}

}  // namespace

int render_jsonl_with_config(const std::string& config_path, const BatchDefaults& defaults) {
    const CompiledWebhook webhook = CompiledWebhook::compile(read_file(config_path));
    std::string out;
    out.reserve(1 << 17);
    for_each_stdin_line([&](std::string_view line) {
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
        try {
            RenderInput input;
            input.id = defaults.id;
            input.timestamp_seconds = defaults.timestamp;
            Request request;
            if (defaults.envelope) {
                const EnvelopeLine envelope = read_envelope(line);
                if (envelope.id) input.id = envelope.id;
                if (envelope.timestamp) input.timestamp_seconds = envelope.timestamp;
                request = webhook.render(Context::from_json_text(envelope.context_text), input);
            } else {
                request = webhook.render(Context::from_json_text(line), input);
            }
            append_request_line(out, request);
        } catch (const Error& error) {
            out += to_line(nlohmann::ordered_json{{"error", error_to_json(error)}});
            out += '\n';
        }
        if (out.size() >= (1 << 16)) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    });
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return ok;
}

}  // namespace hooksmith::cli
