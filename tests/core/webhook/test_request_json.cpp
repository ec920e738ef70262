// The request's JSON text written straight from the render (webhook/request_json.hpp, the CLI's
// output lines) against the general path: render(), then request_to_json(…).dump(). Each value
// of a JSON-data body is escaped twice in one pass there; these tests pin that to "render, then
// escape" on hostile values, keys, headers and URLs, and errors to the same kind, message and field.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/hooksmith.hpp"
#include "webhook/encode.hpp"
#include "webhook/request_json.hpp"

using namespace hooksmith;
using namespace std::string_literals;

namespace {

std::string escaped(std::string_view text) {
    std::string out;
    detail::append_json_escaped(out, text);
    return out;
}

// What the general path writes: the request as nlohmann dumps it, or the error's description.
std::string general(const CompiledWebhook& webhook, const Context& context, const RenderInput& input) {
    try {
        return request_to_json(webhook.render(context, input)).dump();
    } catch (const Error& error) {
        return "error " + std::string(to_string(error.kind)) + " [" + error.field + "] " + error.what();
    }
}

// The same through render_request_json, appended after a prefix that must survive an error.
std::string direct(const CompiledWebhook& webhook, const Context& context, const RenderInput& input) {
    const std::string prefix = "{\"request\":";
    std::string out = prefix;
    try {
        detail::render_request_json(out, webhook, context, input);
    } catch (const Error& error) {
        CHECK(out == prefix);  // nothing of the failed request is left
        return "error " + std::string(to_string(error.kind)) + " [" + error.field + "] " + error.what();
    }
    REQUIRE(out.compare(0, prefix.size(), prefix) == 0);
    return out.substr(prefix.size());
}

void check_agree(const CompiledWebhook& webhook, const std::string& context_json, const RenderInput& input = {}) {
    INFO("context " << context_json);
    REQUIRE(detail::writes_request_json(webhook));
    const Context context = Context::from_json_text(context_json);
    CHECK(direct(webhook, context, input) == general(webhook, context, input));
}

// Values a body must carry through both levels of escaping: quotes, backslashes, every control
// byte, DEL, '/', non-ASCII (2-, 3-, 4-byte, U+2028), escapes next to each other and at the ends.
const std::vector<std::string> hostile_values = {
    "",
    "plain",
    "\"",
    "\\",
    "\\\"",
    "\"quoted\" and \\backslashed\\",
    "a\nb\rc\td\be\ff",
    "\x01\x02\x03\x1e\x1f",
    "nul \0 inside"s,
    "\x7f/</script>",
    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xe2\x80\xa8",
    "\xc3\xa9\"\xc3\xa9\\\xc3\xa9\n",
    std::string(40, '"'),
    std::string(41, '\\'),
    "{\"json\": [1, \"two\", {\"three\": null}]}",
    "   spaced   ",
    "0123456789abcdef0123456789abcdef\"0123456789abcdef\x01",
};

std::string json_string(const std::string& text) {
    std::string out;
    detail::append_json_string(out, text);
    return out;
}

}  // namespace

TEST_CASE("request json: escaping twice in one pass is escaping the escaped text") {
    for (const std::string& text : hostile_values) {
        INFO(json_string(text));
        std::string twice;
        detail::append_json_escaped_twice(twice, text);
        CHECK(twice == escaped(escaped(text)));
        CHECK("\"" + escaped(text) + "\"" == json_string(text));
    }
    // Random texts around the 8-byte word edges, mostly escapes and UTF-8.
    std::mt19937 random(6);
    const std::vector<std::string> pieces = {"a", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "/", "\xc3\xa9",
                                             "\xe2\x82\xac", "\xf0\x9f\x98\x80", " ", "z"};
    for (int round = 0; round < 20000; ++round) {
        const std::size_t length = random() % 40;
        std::string text;
        while (text.size() < length) text += pieces[random() % pieces.size()];
        std::string twice = "prefix";
        detail::append_json_escaped_twice(twice, text);
        REQUIRE(twice == "prefix" + escaped(escaped(text)));
        REQUIRE("\"" + escaped(text) + "\"" == nlohmann::json(text).dump());
    }
}

TEST_CASE("request json: a JSON-data body written escaped agrees with render, then escape") {
    // Every value, in a string field, through a context value and through a template literal.
    WebhookConfig config;
    config.url = "https://hooks.example.com/u/{{ id }}?q={{ q }}";
    config.data = {{"v", "{{ v }}"}, {"literal", "{{ '\\\"\\\\' }} {{ v | upper }}"}, {"empty", ""}};
    config.headers = {{"X-Quote", "say \"{{ h }}\" \\ {{ h }}"}};
    const CompiledWebhook webhook = CompiledWebhook::compile(config);
    for (const std::string& value : hostile_values) {
        for (const std::string& h : {"plain"s, "with \"quotes\" and \\"s, "tab\there"s}) {
            const std::string context = "{\"id\": \"user-1\", \"q\": \"a\\\\b\", \"v\": " + json_string(value) +
                                        ", \"h\": " + json_string(h) + "}";
            check_agree(webhook, context);
        }
    }
}

TEST_CASE("request json: typed values, keys, URLs and headers that need escapes") {
    WebhookConfig config;
    config.url = "HTTPS://user:p%40ss@Hooks.Example.com:443/a/./b/{{ path }}#frag";
    config.data = {{"n", "{{ n }}", ValueType::number},
                   {"b", "{{ b }}", ValueType::boolean},
                   {"j", "{{ j }}", ValueType::json},
                   {"key \"quoted\" \\ caf\xc3\xa9 \n", "{{ s }}"},
                   {"s", "{{ s }}"}};
    config.headers = {{"X-A", "{{ s | urlencode }}"}, {"X-B", " \t padded \t "}};
    const CompiledWebhook webhook = CompiledWebhook::compile(config);
    check_agree(webhook, R"({"path": "x y\"z", "n": 12.50, "b": "true", "j": "{\"a\": \"q\\\"\", \"b\": [1, 2.5, null]}", "s": "\"hi\"\n"})");
    check_agree(webhook, R"({"path": "", "n": -0, "b": false, "j": "\"caf\u00e9 \\\\ \u0001\"", "s": ""})");
    // The general path's errors, in the same field with the same message.
    check_agree(webhook, R"({"path": "p", "n": "twelve", "b": true, "j": "1", "s": "x"})");
    check_agree(webhook, R"({"path": "p", "n": 1, "b": "maybe", "j": "1", "s": "x"})");
    check_agree(webhook, R"({"path": "p", "n": 1, "b": true, "j": "{", "s": "x"})");
    // Credentials in the URL become an Authorization header; a custom one is refused.
    WebhookConfig with_auth = config;
    with_auth.headers.push_back({"Authorization", "Bearer {{ s }}"});
    check_agree(CompiledWebhook::compile(with_auth), R"({"path": "p", "n": 1, "b": true, "j": "1", "s": "x"})");
}

TEST_CASE("request json: errors leave the output as it was and match the general path") {
    WebhookConfig config;
    config.url = "https://x.test/{{ u }}";
    config.missing = MissingPolicy::suppress;
    config.data = {{"a", "{{ a }}"}, {"b", "{{ b | int }}", ValueType::number}, {"c", "{{ 1 / c }}"},
                   {"bad", "{{ bad }}"}};
    config.headers = {{"X-H", "{{ h }}"}};
    const CompiledWebhook webhook = CompiledWebhook::compile(config);
    const std::string ok = R"("u": "p", "a": "x", "b": "2", "c": 4, "bad": "fine", "h": "v")";
    check_agree(webhook, "{" + ok + "}");
    check_agree(webhook, R"({"u": "p", "b": "2", "c": 4, "bad": "fine", "h": "v"})");               // missing
    check_agree(webhook, R"({"u": "p", "a": "x", "b": "2", "c": 0, "bad": "fine", "h": "v"})");     // render error
    check_agree(webhook, R"({"u": "p", "a": "x", "b": "2", "c": 4, "bad": "fine", "h": "a\nb"})");  // header
    check_agree(webhook, R"({"u": "p", "a": "x", "b": "2", "c": 4, "bad": "fine", "h": "\u00e9"})");
    check_agree(webhook, R"({"u": "%zz:bad", "a": "x", "b": "2", "c": 4, "bad": "fine", "h": "v"})");  // URL
    check_agree(webhook, R"({"u": "p", "a": "x", "b": "2", "c": 4, "bad": "fine", "h": "TRACE"})");
    // Limits: an output past max_output_bytes fails the same way.
    Limits small;
    small.max_output_bytes = 8;
    WebhookConfig long_value;
    long_value.url = "https://x.test/";
    long_value.data = {{"a", "{{ a }}"}};
    check_agree(CompiledWebhook::compile(long_value, small), R"({"a": "\"\"\"\"\"\"\"\"\""})");
    check_agree(CompiledWebhook::compile(long_value, small), R"({"a": "\"\"\"\"\"\"\"\""})");
    // A rendered value that is not valid UTF-8 (a template built in code) is refused by both.
    WebhookConfig invalid;
    invalid.url = "https://x.test/";
    invalid.data = {{"a", "ok \xff {{ a }}"}};
    const CompiledWebhook invalid_webhook = CompiledWebhook::compile(invalid);
    check_agree(invalid_webhook, R"({"a": "x"})");
    CHECK(general(invalid_webhook, Context::from_json_text(R"({"a": "x"})"), {}).rfind("error config [data.a]", 0) == 0);
}

TEST_CASE("request json: webhooks it does not write directly, and requests written from a Request") {
    const auto config = [](std::string text) { return CompiledWebhook::compile(std::string_view(text)); };
    CHECK(detail::writes_request_json(config(R"({"url": "https://x.test/", "data": [{"key": "a", "value": "1"}]})")));
    CHECK(detail::writes_request_json(config(R"({"url": "https://x.test/"})")));
    const CompiledWebhook get = config(R"({"method": "GET", "url": "https://x.test/", "data": [{"key": "a", "value": "1"}]})");
    const CompiledWebhook form = config(R"({"url": "https://x.test/", "contentType": "application/x-www-form-urlencoded"})");
    const CompiledWebhook raw = config(R"({"url": "https://x.test/", "body": "{{ v }}", "contentType": "text/plain"})");
    const CompiledWebhook signed_webhook = config(
        R"({"url": "https://x.test/", "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})");
    for (const CompiledWebhook* webhook : {&get, &form, &raw, &signed_webhook}) {
        CHECK_FALSE(detail::writes_request_json(*webhook));
        std::string out = "x";
        CHECK_THROWS_AS(detail::render_request_json(out, *webhook, Context::from_json_text(R"({"v": "\"\\"})"), {}),
                        Error);
        CHECK(out == "x");
        RenderInput input;
        input.id = "msg_1";
        input.timestamp_seconds = 1700000000;
        const Request request = webhook->render(Context::from_json_text(R"({"v": "\"\\\n"})"), input);
        std::string written;
        REQUIRE(detail::append_request_json(written, request));
        CHECK(written == request_to_json(request).dump());
    }
    // A Request with a string that is not valid UTF-8: nothing written (nlohmann would substitute).
    Request request;
    request.method = "POST";
    request.url = "https://x.test/";
    request.headers = {{"X-\"q\"", "tab\tand \\"}};
    request.body = "caf\xc3\xa9 \"\x01";
    std::string written = "keep";
    REQUIRE(detail::append_request_json(written, request));
    CHECK(written == "keep" + request_to_json(request).dump());
    request.body = "bad \xc3";
    written = "keep";
    CHECK_FALSE(detail::append_request_json(written, request));
    CHECK(written == "keep");
    request.body.reset();
    written.clear();
    REQUIRE(detail::append_request_json(written, request));
    CHECK(written == request_to_json(request).dump());
}

TEST_CASE("request json: the in-place check of a short field agrees with the general one") {
    // Texts of 0..40 bytes at the end of strings of every spare capacity, the bytes past the end
    // (inside the capacity) set to what would need an escape, so a read past the end shows.
    std::mt19937 random(7);
    const std::vector<char> bytes = {'a', 'Z', ' ', '~', '"', '\\', '\n', '\x01', '\x1f', '\x7f', '\x80', '\xc3', '\xff'};
    for (int round = 0; round < 20000; ++round) {
        const std::size_t prefix = random() % 20, length = random() % 41, spare = random() % 40;
        std::string text(prefix + length + spare, '"');
        text.resize(prefix);
        for (std::size_t k = 0; k < length; ++k) text += round % 3 == 0 ? 'x' : bytes[random() % bytes.size()];
        if (round % 5 == 0) std::fill(text.begin() + static_cast<std::ptrdiff_t>(prefix), text.end(), 'y');
        const std::string_view tail = std::string_view(text).substr(prefix);
        REQUIRE(detail::is_plain_ascii_json_tail(text, prefix) == detail::is_plain_ascii_json_string(tail));
    }
}
