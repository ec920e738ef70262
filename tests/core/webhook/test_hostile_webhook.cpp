// Hostile webhook configs and contexts (issue 9, docs/reliability.md): each gets the error kind
// webhook.md §5 gives it, with its field — or, where the spec allows normal output, the exact
// request — and finishes quickly.
#include <catch2/catch.hpp>

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/webhook.hpp"
#include "support/test_support.hpp"

using namespace hooksmith;
using namespace std::string_literals;

using hooksmith::testing::repeat;

namespace {

constexpr double quick_seconds = 5.0;

struct Outcome {
    std::optional<Request> request;
    std::optional<Error> error;
    double seconds = 0;
};

Outcome run(const std::string& config_json, const std::string& context_json = "{}") {
    const auto start = std::chrono::steady_clock::now();
    Outcome outcome;
    try {
        const CompiledWebhook webhook = CompiledWebhook::compile(config_json);
        RenderInput input;
        input.timestamp_seconds = 1614265330;
        outcome.request = webhook.render(Context::from_json_text(context_json), input);
    } catch (const Error& error) {
        outcome.error = error;
    } catch (const std::exception& escaped) {
        // Only hooksmith::Error may leave the library: kept as `transport`, which no case expects.
        outcome.error = Error(ErrorKind::transport, std::string("non-hooksmith exception escaped: ") + escaped.what());
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

std::string quoted(const std::string& text) { return nlohmann::json(text).dump(); }

// A config whose only template is the URL.
std::string url_config(const std::string& url) { return R"({"url": )" + quoted(url) + "}"; }

std::string header_config(const std::string& value) {
    return R"({"url": "https://x.test/", "headers": [{"name": "X-A", "value": )" + quoted(value) + "}]}";
}

std::string body_config(const std::string& body, const std::string& type = "text/plain") {
    return R"({"url": "https://x.test/", "contentType": )" + quoted(type) + R"(, "body": )" + quoted(body) + "}";
}

std::string data_config(const std::string& value, const std::string& type = "string",
                        const std::string& content_type = "application/json") {
    return R"({"url": "https://x.test/", "contentType": )" + quoted(content_type) +
           R"(, "data": [{"key": "x", "value": )" + quoted(value) + R"(, "type": )" + quoted(type) + "}]}";
}

std::string describe(const Outcome& o) {
    if (o.request) return "request to " + o.request->url + " with body " + o.request->body.value_or("(none)");
    return std::string(to_string(o.error->kind)) + " [" + o.error->field + "]: " + o.error->message;
}

#define REQUIRE_ERROR(outcome, expected_kind, expected_field)                     \
    do {                                                                          \
        const Outcome& o_ = (outcome);                                            \
        INFO(describe(o_));                                                       \
        REQUIRE(o_.error.has_value());                                            \
        CHECK(o_.error->kind == (expected_kind));                                 \
        CHECK(o_.error->field == (expected_field));                               \
        CHECK(o_.seconds < quick_seconds);                                        \
    } while (0)

#define REQUIRE_REQUEST(outcome)                                                  \
    do {                                                                          \
        const Outcome& o_ = (outcome);                                            \
        INFO(describe(o_));                                                       \
        REQUIRE(o_.request.has_value());                                          \
        CHECK(o_.seconds < quick_seconds);                                        \
    } while (0)

}  // namespace

TEST_CASE("hostile webhook: oversized and deeply nested templates are limit errors in their field",
          "[hostile]") {
    REQUIRE_ERROR(run(url_config("https://x.test/" + std::string(2u << 20, 'a'))), ErrorKind::limit, "url");
    REQUIRE_ERROR(run(body_config(std::string(2u << 20, 'a'))), ErrorKind::limit, "body");
    REQUIRE_ERROR(run(header_config("{{ " + repeat("(", 10000) + "1" + repeat(")", 10000) + " }}")),
                  ErrorKind::limit, "headers.X-A");
    REQUIRE_ERROR(run(data_config(repeat("{% if true %}", 10000) + repeat("{% endif %}", 10000))),
                  ErrorKind::limit, "data.x");
}

TEST_CASE("hostile webhook: runaway renders are limit errors in their field", "[hostile]") {
    REQUIRE_ERROR(run(body_config("{{ 'x' * 50000000 }}")), ErrorKind::limit, "body");
    REQUIRE_ERROR(run(data_config("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}")),
                  ErrorKind::limit, "data.x");
    REQUIRE_ERROR(run(data_config("{{ range(10**9) | length }}", "number")), ErrorKind::limit, "data.x");
    REQUIRE_ERROR(run(url_config("https://x.test/{% for i in range(100000) %}{% for j in range(100000) %}"
                                 "{% endfor %}{% endfor %}")),
                  ErrorKind::limit, "url");
    REQUIRE_ERROR(run(header_config("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")),
                  ErrorKind::limit, "headers.X-A");
}

TEST_CASE("hostile webhook: CR, LF and NUL in header values are config errors", "[hostile]") {
    REQUIRE_ERROR(run(header_config("a\r\nX-Injected: 1")), ErrorKind::config, "headers.X-A");
    REQUIRE_ERROR(run(header_config("a\nb")), ErrorKind::config, "headers.X-A");
    REQUIRE_ERROR(run(header_config("a\rb")), ErrorKind::config, "headers.X-A");
    REQUIRE_ERROR(run(header_config("a\0b"s)), ErrorKind::config, "headers.X-A");
    // Injected through the context, found after rendering.
    for (const char* value : {R"("1\r\nX-Evil: 1")", R"("1\n")", R"("\r")", R"("a\u0000")"}) {
        INFO(value);
        REQUIRE_ERROR(run(header_config("{{ v }}"), R"({"v": )"s + value + "}"), ErrorKind::config,
                      "headers.X-A");
    }
    // Spaces and tabs around the value are trimmed (as fetch does); inside they stay.
    const Outcome trimmed = run(header_config("{{ v }}"), R"({"v": " \t a b \t "})");
    REQUIRE_REQUEST(trimmed);
    CHECK(trimmed.request->headers.back() == std::pair<std::string, std::string>("X-A", "a b"));
    // Non-ASCII (NEL, U+0085, is not a line break for HTTP but is not ASCII either).
    REQUIRE_ERROR(run(header_config("{{ v }}"), R"({"v": "a\u0085b"})"), ErrorKind::config, "headers.X-A");
    // Header names and methods are checked too.
    const Outcome bad_name = run(R"({"url": "https://x.test/", "headers": [{"name": "X-A\r\nX-B", "value": "1"}]})");
    INFO(describe(bad_name));
    REQUIRE(bad_name.error.has_value());
    CHECK(bad_name.error->kind == ErrorKind::config);
    CHECK(bad_name.error->field.rfind("headers", 0) == 0);
    REQUIRE_ERROR(run(R"({"method": "POST\r\nX: 1", "url": "https://x.test/"})"), ErrorKind::config, "method");
}

TEST_CASE("hostile webhook: non-http(s) URLs, empty hosts and absurd ports are config errors",
          "[hostile]") {
    for (const std::string& url : std::vector<std::string>{"javascript:alert(1)", "JAVASCRIPT:alert(1)", "  javascript:alert(1)", "java\tscript:alert(1)",
          "file:///etc/passwd", "file://localhost/etc/passwd", "data:text/html,<script>alert(1)</script>",
          "ftp://x.test/", "ws://x.test/", "//x.test/", "x.test", "", "https://", "https:///", "https://:443/",
          "https://user:pw@/", "https://?q", "https://#f", "https://x.test:65536/", "https://x.test:-1/",
          "https://x.test:99999999999999999999/", "https://x.test:80a/", "https://x.test:1e3/",
          "https://x\0y.test/"s, "https://x .test/", "https://%00/", "http://4294967296/", "https://[::1/",
          "https://é.test/"}) {
        INFO(url);
        const Outcome outcome = run(url_config("{{ u }}"), R"({"u": )" + quoted(url) + "}");
        REQUIRE_ERROR(outcome, ErrorKind::config, "url");
        // The same URL written literally in the config.
        if (!url.empty()) REQUIRE_ERROR(run(url_config(url)), ErrorKind::config, "url");
    }
}

TEST_CASE("hostile webhook: odd but valid URLs serialize as new URL() does", "[hostile]") {
    const struct {
        std::string input, href;
    } cases[] = {
        {"http:///x", "http://x/"},
        {"https://x.test:65535/", "https://x.test:65535/"},
        {"https://x.test:0/", "https://x.test:0/"},
        {"http://x.test:0000080/", "http://x.test/"},
        {"https://x.test:443/", "https://x.test/"},
        {"https://x.test/a\r\nb", "https://x.test/ab"},
        {"https://x.test/a\0b"s, "https://x.test/a%00b"},
        {"http://0x7f.1/", "http://127.0.0.1/"},
        {"https://x.test/<script>", "https://x.test/%3Cscript%3E"},
        {"https://x.test/%", "https://x.test/%"},
        {"https://x.test/\xc2\x85", "https://x.test/%C2%85"},
        {"HTTPS://X.TEST:443/a/../b/./c?q=1#frag", "https://x.test/b/c?q=1"},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        const Outcome outcome = run(url_config("{{ u }}"), R"({"u": )" + quoted(c.input) + "}");
        REQUIRE_REQUEST(outcome);
        CHECK(outcome.request->url == c.href);
    }
}

TEST_CASE("hostile webhook: invalid UTF-8 in the config or context is an input error", "[hostile]") {
    const Outcome in_value = run("{\"url\": \"https://x.test/\xff\"}");
    REQUIRE_ERROR(in_value, ErrorKind::input, "");
    CHECK(in_value.error->line == 1);
    REQUIRE_ERROR(run("{\"url\": \"https://x.test/\", \"data\": [{\"key\": \"\xc0\xaf\", \"value\": \"1\"}]}"),
                  ErrorKind::input, "");
    REQUIRE_ERROR(run("{\"url\": \"https://x.test/\", \"\xed\xa0\x80\": 1}"), ErrorKind::input, "");
    REQUIRE_ERROR(run(R"({"url": "https://x.test/\udc00"})"), ErrorKind::input, "");
    REQUIRE_ERROR(run(data_config("{{ v }}"), "{\"v\": \"\xf4\x90\x80\x80\"}"), ErrorKind::input, "");
    REQUIRE_ERROR(run(data_config("{{ v }}"), "{\"\xe2\x82\": 1}"), ErrorKind::input, "");
    // Bytes a template makes from valid input ('\xff' is U+00FF, valid) render fine.
    const Outcome latin = run(data_config("{{ '\\xff' }}"));
    REQUIRE_REQUEST(latin);
    CHECK(*latin.request->body == "{\"x\":\"\xc3\xbf\"}");
}

TEST_CASE("hostile webhook: NUL bytes travel exactly where the wire format allows", "[hostile]") {
    const Outcome raw = run(body_config("a\0b{{ v }}"s), R"({"v": "\u0000"})");
    REQUIRE_REQUEST(raw);
    CHECK(*raw.request->body == "a\0b\0"s);
    const Outcome json_body = run(data_config("{{ v }}"), R"({"v": "a\u0000b"})");
    REQUIRE_REQUEST(json_body);
    CHECK(*json_body.request->body == R"({"x":"a\u0000b"})");
    const Outcome form = run(data_config("{{ v }}", "string", "application/x-www-form-urlencoded"),
                             R"({"v": "a\u0000b"})");
    REQUIRE_REQUEST(form);
    CHECK(*form.request->body == "x=a%00b");
    const Outcome query = run(R"({"method": "GET", "url": "https://x.test/?a=1", "data": [{"key": "k\u0000", "value": "{{ v }}"}]})",
                              R"({"v": "\u0000"})");
    REQUIRE_REQUEST(query);
    CHECK(query.request->url == "https://x.test/?a=1&k%00=%00");
    // A raw application/json body with a NUL outside a string is not JSON.
    REQUIRE_ERROR(run(body_config("{\"a\": 1}\0"s, "application/json")), ErrorKind::config, "body");
}

TEST_CASE("hostile webhook: huge integers", "[hostile]") {
    // Context integers beyond 64 bits are floats; a number field writes them as nlohmann does.
    const Outcome big = run(data_config("{{ n }}", "number"), R"({"n": 123456789012345678901234567890})");
    REQUIRE_REQUEST(big);
    CHECK(*big.request->body == R"({"x":1.2345678901234568e+29})");
    const Outcome max = run(data_config("{{ n }}", "number"), R"({"n": 9223372036854775807})");
    REQUIRE_REQUEST(max);
    CHECK(*max.request->body == R"({"x":9223372036854775807})");
    // Template literals beyond 64 bits: a render error in the field.
    REQUIRE_ERROR(run(data_config("{{ 123456789012345678901234567890 }}", "number")), ErrorKind::render, "data.x");
    // Numbers typed by hand beyond what a double holds are not JSON numbers hooksmith can send.
    const Outcome huge_text = run(data_config("1e400", "number"));
    INFO(describe(huge_text));
    REQUIRE(huge_text.error.has_value());
    CHECK(huge_text.error->kind == ErrorKind::config);
    CHECK(huge_text.error->field == "data.x");
    // A huge number inside the config JSON itself.
    REQUIRE_ERROR(run(R"({"url": "https://x.test/", "retry": {"maxAttempts": 1e400}})"), ErrorKind::input, "");
    const Outcome huge_attempts = run(R"({"url": "https://x.test/", "retry": {"maxAttempts": 123456789012345678901234567890}})");
    INFO(describe(huge_attempts));
    REQUIRE(huge_attempts.error.has_value());
    CHECK(huge_attempts.error->kind == ErrorKind::config);
}

TEST_CASE("hostile webhook: deep nesting in the context, the config and typed JSON values", "[hostile]") {
    REQUIRE_ERROR(run(data_config("{{ v }}"), R"({"v": )" + repeat("[", 10000) + repeat("]", 10000) + "}"),
                  ErrorKind::limit, "");
    // A 10 000-deep value where the config expects a string: rejected without recursion.
    const Outcome deep_config = run(R"({"url": )" + repeat("[", 10000) + repeat("]", 10000) + "}");
    INFO(describe(deep_config));
    REQUIRE(deep_config.error.has_value());
    CHECK((deep_config.error->kind == ErrorKind::config || deep_config.error->kind == ErrorKind::limit ||
           deep_config.error->kind == ErrorKind::input));
    CHECK(deep_config.seconds < quick_seconds);
    const Outcome deep_retry = run(R"({"url": "https://x.test/", "retry": )" + repeat("{\"a\": ", 100000) + "1" +
                                   repeat("}", 100000) + "}");
    INFO(describe(deep_retry));
    REQUIRE(deep_retry.error.has_value());
    CHECK(deep_retry.seconds < quick_seconds);
    // A json-typed value rendered 10 000 deep: a limit error naming the field.
    REQUIRE_ERROR(run(data_config("{{ '[' * 10000 }}{{ ']' * 10000 }}", "json")), ErrorKind::limit, "data.x");
    // A raw JSON body 10 000 deep is checked without recursion (valid JSON: sent as is).
    const std::string deep_json = repeat("[", 10000) + repeat("]", 10000);
    const Outcome deep_body = run(body_config("{{ '[' * 10000 }}{{ ']' * 10000 }}", "application/json"));
    INFO(describe(deep_body));
    CHECK(deep_body.seconds < quick_seconds);
    if (deep_body.request) CHECK(*deep_body.request->body == deep_json);
    else CHECK(deep_body.error->kind == ErrorKind::limit);
}

TEST_CASE("hostile webhook: duplicate JSON keys", "[hostile]") {
    // In the context the last wins (JSON.parse).
    const Outcome context = run(data_config("{{ v }}"), R"({"v": "first", "v": "last"})");
    REQUIRE_REQUEST(context);
    CHECK(*context.request->body == R"({"x":"last"})");
    // In a config a repeated member hides a typo: a config error naming it.
    REQUIRE_ERROR(run(R"({"url": "https://a.test/", "url": "https://b.test/"})"), ErrorKind::config, "url");
    // In a json-typed value the last wins, in its first position (as JSON.parse).
    const Outcome typed = run(data_config(R"({"a": 1, "b": 2, "a": 3})", "json"));
    INFO(describe(typed));
    if (typed.request) CHECK(*typed.request->body == R"({"x":{"a":3,"b":2}})");
}
