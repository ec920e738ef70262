// The rendered request (webhook.md §3): one TEST_CASE per wire rule, byte for byte.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "hooksmith/export.hpp"
#include "hooksmith/webhook.hpp"
#include "support/test_support.hpp"

using hooksmith::testing::contains;

using namespace hooksmith;

namespace {

std::string read_fixture(const std::string& name) {
    return testing::read_source_file("tests/core/webhook/fixtures/" + name);
}

using testing::error_from;

CompiledWebhook webhook(const std::string& config_json) {
    return CompiledWebhook::compile(parse_config(config_json));
}

Request render(const std::string& config_json, const std::string& context_json = "{}",
               const RenderInput& input = {}) {
    return webhook(config_json).render(Context::from_json_text(context_json), input);
}

Error render_error(const std::string& config_json, const std::string& context_json = "{}",
                   const RenderInput& input = {}) {
    return error_from([&] { render(config_json, context_json, input); });
}

std::string url_of(const std::string& url_template, const std::string& context_json = "{}") {
    return render(R"({"url": )" + nlohmann::json(url_template).dump() + "}", context_json).url;
}

// The body of a one-field JSON webhook whose value is `{{ v }}` of the given type.
std::string typed_body(const std::string& type, const std::string& v_json) {
    return *render(R"({"url": "https://x.test/", "data": [{"key": "x", "value": "{{ v }}", "type": ")" + type +
                       "\"}]}",
                   R"({"v": )" + v_json + "}")
                .body;
}

Error typed_error(const std::string& type, const std::string& v_json) {
    return error_from([&] { typed_body(type, v_json); });
}

std::vector<std::string> header_names(const Request& request) {
    std::vector<std::string> names;
    for (const auto& header : request.headers) names.push_back(header.first);
    return names;
}

const std::string* header(const Request& request, const std::string& name) {
    for (const auto& entry : request.headers) {
        if (entry.first == name) return &entry.second;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("spec: the §2 config renders the §3 request", "[render]") {
    const CompiledWebhook hook = CompiledWebhook::compile(parse_config(read_fixture("spec_config.json")));
    const Request request = hook.render(Context::from_json_text(read_fixture("spec_context.json")));
    const nlohmann::json expected = nlohmann::json::parse(read_fixture("spec_request.json"));
    CHECK(request.method == expected["method"].get<std::string>());
    CHECK(request.url == expected["url"].get<std::string>());
    REQUIRE(request.body);
    CHECK(*request.body == expected["body"].get<std::string>());
    std::vector<std::pair<std::string, std::string>> headers;
    for (const auto& pair : expected["headers"]) headers.emplace_back(pair[0], pair[1]);
    CHECK(request.headers == headers);
    CHECK(nlohmann::json(request_to_json(request)) == expected);
}

TEST_CASE("spec: compile once, render many users", "[render]") {
    const CompiledWebhook hook = webhook(R"({"url": "https://x.test/u/{{ userId }}",
        "data": [{"key": "name", "value": "{{ userAttribute.name }}"}]})");
    const Request mary = hook.render(Context::from_json_text(R"({"userId": 1, "userAttribute": {"name": "Mary"}})"));
    const Request john = hook.render(Context::from_json_text(R"({"userId": 2, "userAttribute": {"name": "John"}})"));
    CHECK(mary.url == "https://x.test/u/1");
    CHECK(*mary.body == R"({"name":"Mary"})");
    CHECK(john.url == "https://x.test/u/2");
    CHECK(*john.body == R"({"name":"John"})");
}

TEST_CASE("url: scheme and host lower-cased, default port dropped", "[render][url]") {
    CHECK(url_of("HTTPS://API.Example.COM:443/Users") == "https://api.example.com/Users");
    CHECK(url_of("http://x.test:80/a") == "http://x.test/a");
    CHECK(url_of("https://x.test:8443/a") == "https://x.test:8443/a");
}

TEST_CASE("url: empty path becomes / and dot segments are resolved", "[render][url]") {
    CHECK(url_of("https://x.test") == "https://x.test/");
    CHECK(url_of("https://x.test/a/./b/../c") == "https://x.test/a/c");
}

TEST_CASE("url: userinfo and fragment removed", "[render][url]") {
    CHECK(url_of("https://user:pw@x.test/p?q=1#frag") == "https://x.test/p?q=1");
}

TEST_CASE("url: disallowed bytes percent-encoded, browser-divergent ones too", "[render][url]") {
    CHECK(url_of("https://x.test/a b?c d") == "https://x.test/a%20b?c%20d");
    CHECK(url_of("https://x.test/a^b|c`d{x}") == "https://x.test/a%5Eb%7Cc%60d%7Bx%7D");
    CHECK(url_of("https://x.test/caf\xC3\xA9") == "https://x.test/caf%C3%A9");
}

TEST_CASE("url: values are not auto-encoded; urlencode keeps /", "[render][url]") {
    CHECK(url_of("https://x.test/?q={{ q }}", R"({"q": "a&b=c"})") == "https://x.test/?q=a&b=c");
    CHECK(url_of("https://x.test/{{ p | urlencode }}", R"({"p": "a b/c?d"})") == "https://x.test/a%20b/c%3Fd");
}

TEST_CASE("url: only http and https, with a host", "[render][url]") {
    for (const char* bad : {"ftp://x.test/", "javascript:alert(1)", "https://", "not a url", "/relative"}) {
        INFO(bad);
        const Error error = error_from([&] { url_of(bad); });
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "url");
    }
    CHECK(url_of("http://x.test/") == "http://x.test/");
}

TEST_CASE("url: a non-ASCII host asks for punycode", "[render][url]") {
    const Error error = error_from([] { url_of("https://b\xC3\xBC" "cher.example/"); });
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "url");
    CHECK(contains(error.message, "xn--"));
}

TEST_CASE("errors: password masked in URL errors", "[render][url]") {
    const Error error = error_from([] { url_of("ftp://user:hunter2@x.test/{{ id }}", R"({"id": 7})"); });
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "url");
    CHECK_FALSE(contains(error.what(), "hunter2"));
    CHECK(contains(error.message, "****"));
}

TEST_CASE("basic auth: credentials from the URL, percent-decoded, base64", "[render][auth]") {
    CHECK(*header(render(R"({"url": "https://user:secret@x.test/"})"), "Authorization") ==
          "Basic dXNlcjpzZWNyZXQ=");
    // WHATWG splits at the last '@' and the first ':'.
    CHECK(*header(render(R"({"url": "https://a@b:c@x.test/"})"), "Authorization") == "Basic YUBiOmM=");
    CHECK(*header(render(R"({"url": "https://us%40er:p%3Ass:w@x.test/"})"), "Authorization") ==
          "Basic dXNAZXI6cDpzczp3");
}

TEST_CASE("basic auth: username without password gives user:", "[render][auth]") {
    const Request request = render(R"({"url": "https://user@x.test/"})");
    CHECK(*header(request, "Authorization") == "Basic dXNlcjo=");
    CHECK(request.url == "https://x.test/");
}

TEST_CASE("basic auth: a custom Authorization header with URL credentials is an error", "[render][auth]") {
    const std::string config = R"({"url": "https://{{ who }}@x.test/",
        "headers": [{"name": "Authorization", "value": "Bearer t"}]})";
    const Error error = render_error(config, R"({"who": "user:pw"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "headers.Authorization");
    CHECK(*header(render(R"({"url": "https://x.test/", "headers": [{"name": "Authorization", "value": "Bearer t"}]})"),
                  "Authorization") == "Bearer t");
}

TEST_CASE("json body: keys in data order", "[render][json]") {
    const Request request = render(R"({"url": "https://x.test/", "data": [
        {"key": "z", "value": "1"}, {"key": "a", "value": "2"}, {"key": "m", "value": "3"}]})");
    CHECK(*request.body == R"({"z":"1","a":"2","m":"3"})");
    CHECK(header_names(request) == std::vector<std::string>{"Content-Type"});
    CHECK(*header(request, "Content-Type") == "application/json");
}

TEST_CASE("json body: strings escaped as nlohmann dump()", "[render][json]") {
    const Request request = render(R"({"url": "https://x.test/", "data": [{"key": "k\"\n", "value": "{{ s }}"}]})",
                                   R"({"s": "q\"b\\ \n\t\r\b\f\u0001\u001f\u007f \u00e9/\ud83d\ude00"})");
    CHECK(*request.body == "{\"k\\\"\\n\":\"q\\\"b\\\\ \\n\\t\\r\\b\\f\\u0001\\u001f\x7f \xC3\xA9/\xF0\x9F\x98\x80\"}");
}

TEST_CASE("json body: empty data gives {}", "[render][json]") {
    const Request request = render(R"({"url": "https://x.test/"})");
    CHECK(*request.body == "{}");
    CHECK(*header(request, "Content-Type") == "application/json");
}

TEST_CASE("typed string: the rendered text as a JSON string", "[render][typed]") {
    CHECK(typed_body("string", "42") == R"({"x":"42"})");
    CHECK(typed_body("string", R"(" 2.50 ")") == R"({"x":" 2.50 "})");
}

TEST_CASE("typed number: trimmed, parsed, written back compactly", "[render][typed]") {
    CHECK(typed_body("number", R"("2.50")") == R"({"x":2.5})");
    CHECK(typed_body("number", R"("1e3")") == R"({"x":1000.0})");
    CHECK(typed_body("number", R"(" 42 ")") == R"({"x":42})");
    CHECK(typed_body("number", R"("-0.5")") == R"({"x":-0.5})");
    CHECK(typed_body("number", "39.98") == R"({"x":39.98})");
    CHECK(typed_body("number", "1.0") == R"({"x":1.0})");
    CHECK(typed_body("number", "7") == R"({"x":7})");
}

TEST_CASE("typed number: 02139 is an error", "[render][typed]") {
    for (const char* bad : {R"("02139")", R"("+17")", R"("1,234")", R"("NaN")", R"("")", R"("1.")",
                            R"(".5")", R"("0x10")", R"("Infinity")", R"("1e400")", R"("12 34")"}) {
        INFO(bad);
        const Error error = typed_error("number", bad);
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "data.x");
    }
}

TEST_CASE("typed boolean: true/false and True/False, nothing else", "[render][typed]") {
    CHECK(typed_body("boolean", "true") == R"({"x":true})");  // Jinja prints True
    CHECK(typed_body("boolean", R"(" false ")") == R"({"x":false})");
    CHECK(typed_body("boolean", R"("True")") == R"({"x":true})");
    CHECK(typed_body("boolean", R"("False")") == R"({"x":false})");
    for (const char* bad : {R"("yes")", R"("1")", R"("TRUE")", R"("")"}) {
        INFO(bad);
        CHECK(typed_error("boolean", bad).field == "data.x");
    }
}

TEST_CASE("typed json: key order kept and \\u003c decoded", "[render][typed]") {
    CHECK(typed_body("json", R"("{\"b\": 1, \"a\": \"\\u003c\"}")") == R"({"x":{"b":1,"a":"<"}})");
    const Request request = render(R"({"url": "https://x.test/",
        "data": [{"key": "cart", "value": "{{ parameter.cart | tojson }}", "type": "json"}]})",
                                   R"({"parameter": {"cart": {"z": 1, "a": "<b>", "l": [1.5, null, true]}}})");
    // tojson sorts keys and escapes <, >; the body keeps tojson's order without its spaces.
    CHECK(*request.body == R"({"cart":{"a":"<b>","l":[1.5,null,true],"z":1}})");
}

TEST_CASE("typed json: text that is not JSON is an error; deep nesting a limit", "[render][typed]") {
    for (const char* bad : {R"("{bad")", R"("")", R"("[1,]")", R"("'a'")", R"("[1]\u0000[2]")"}) {
        INFO(bad);
        const Error error = typed_error("json", bad);
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "data.x");
    }
    const std::string deep = std::string(600, '[') + std::string(600, ']');
    const Error error = typed_error("json", nlohmann::json(deep).dump());
    CHECK(error.kind == ErrorKind::limit);
    CHECK(error.field == "data.x");
}

TEST_CASE("form: WHATWG vector", "[render][form]") {
    const Request request = render(R"({"url": "https://x.test/", "contentType": "application/x-www-form-urlencoded",
        "data": [{"key": "a b", "value": "*-._~!'() é+&=\n/?%"}]})");
    CHECK(*request.body == "a+b=*-._%7E%21%27%28%29+%C3%A9%2B%26%3D%0A%2F%3F%25");
    CHECK(*header(request, "Content-Type") == "application/x-www-form-urlencoded");
}

TEST_CASE("form: pairs joined with &, empty values give k=", "[render][form]") {
    const Request request = render(R"({"url": "https://x.test/", "contentType": "application/x-www-form-urlencoded",
        "data": [{"key": "first_name", "value": "{{ first }}"}, {"key": "last_name", "value": "Doe"},
                 {"key": "empty", "value": ""}]})",
                                   R"({"first": "Mary"})");
    CHECK(*request.body == "first_name=Mary&last_name=Doe&empty=");
}

TEST_CASE("form: empty data gives an empty body, Content-Type still sent", "[render][form]") {
    const Request request = render(R"({"url": "https://x.test/", "contentType": "application/x-www-form-urlencoded"})");
    REQUIRE(request.body);
    CHECK(request.body->empty());
    CHECK(*header(request, "Content-Type") == "application/x-www-form-urlencoded");
}

TEST_CASE("form: typed values checked but sent as rendered text", "[render][form]") {
    const std::string config = R"({"url": "https://x.test/", "contentType": "application/x-www-form-urlencoded",
        "data": [{"key": "n", "value": "{{ n }}", "type": "number"}, {"key": "b", "value": "{{ b }}", "type": "boolean"},
                 {"key": "j", "value": "{{ j }}", "type": "json"}]})";
    const Request request = render(config, R"({"n": " 2.50 ", "b": true, "j": "{\"a\": 1}"})");
    CHECK(*request.body == "n=2.50&b=True&j=%7B%22a%22%3A+1%7D");
    const Error error = render_error(config, R"({"n": "02139", "b": true, "j": "1"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "data.n");
}

TEST_CASE("get: data in query after ? when the URL has no query", "[render][get]") {
    const std::string data = R"("method": "GET", "data": [{"key": "q", "value": "{{ q }}"}, {"key": "n", "value": "1"}])";
    const Request request = render(R"({"url": "https://x.test/search", )" + data + "}", R"({"q": "a b&c"})");
    CHECK(request.url == "https://x.test/search?q=a+b%26c&n=1");
    CHECK_FALSE(request.body);
    CHECK(request.headers.empty());
    CHECK(request.method == "GET");
    // An empty query ("?") is reused rather than doubled.
    CHECK(render(R"({"url": "https://x.test/search?", )" + data + "}", R"({"q": "x"})").url ==
          "https://x.test/search?q=x&n=1");
}

TEST_CASE("get: data in query after & when the URL has a query", "[render][get]") {
    const std::string data = R"("method": "get", "data": [{"key": "q", "value": "{{ q }}"}])";
    CHECK(render(R"({"url": "https://x.test/s?lang=en", )" + data + "}", R"({"q": "x y"})").url ==
          "https://x.test/s?lang=en&q=x+y");
    CHECK(render(R"({"url": "https://x.test/s?lang=en#top", )" + data + "}", R"({"q": "x"})").url ==
          "https://x.test/s?lang=en&q=x");
}

TEST_CASE("get: no data leaves the URL as it is", "[render][get]") {
    const Request request = render(R"({"method": "GET", "url": "https://x.test/s"})");
    CHECK(request.url == "https://x.test/s");
    CHECK_FALSE(request.body);
    CHECK(request.headers.empty());
}

TEST_CASE("raw body: sent exactly as rendered with its content type", "[render][body]") {
    const Request request = render(R"({"url": "https://x.test/", "method": "put", "contentType": "text/plain",
        "body": "Hello {{ name }}!  {not json"})",
                                   R"({"name": "Mary"})");
    CHECK(*request.body == "Hello Mary!  {not json");
    CHECK(*header(request, "Content-Type") == "text/plain");
    CHECK(request.method == "PUT");
}

TEST_CASE("raw body: application/json must be valid JSON and is not re-serialized", "[render][body]") {
    const std::string config = R"({"url": "https://x.test/", "body": "{\"name\":  {{ name | tojson }} }"})";
    CHECK(*render(config, R"({"name": "Mary"})").body == R"({"name":  "Mary" })");
    const Error error = render_error(R"({"url": "https://x.test/", "body": "{{ name }}"})", R"({"name": "Mary"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "body");
    // nlohmann would stop at a NUL byte; JSON never allows one raw.
    CHECK(render_error(R"({"url": "https://x.test/", "body": "[1]{{ z }}x"})", R"({"z": "\u0000"})").field == "body");
    // Only exactly application/json is checked.
    CHECK(*render(R"({"url": "https://x.test/", "contentType": "application/json; charset=utf-8", "body": "x"})").body ==
          "x");
}

TEST_CASE("headers: Content-Type, Authorization, custom in order, then signing", "[render][headers]") {
    const Request request = render(R"({"url": "https://u:p@x.test/", "data": [{"key": "a", "value": "1"}],
        "headers": [{"name": "X-B", "value": "b"}, {"name": "x-a", "value": "{{ a }}"}],
        "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})",
                                   R"({"a": "A"})", RenderInput{std::string("msg_1"), 1700000000});
    CHECK(header_names(request) == std::vector<std::string>{"Content-Type", "Authorization", "X-B", "x-a",
                                                            "webhook-id", "webhook-timestamp", "webhook-signature"});
    CHECK(*header(request, "x-a") == "A");
}

TEST_CASE("headers: CR/LF rejected before trimming", "[render][headers]") {
    const std::string config = R"({"url": "https://x.test/", "headers": [{"name": "X-Foo", "value": "{{ v }}"}]})";
    for (const char* bad : {R"("abc\r\n")", R"("a\nb")", R"("\n")", R"("a\u0000b")", R"("a\rb")"}) {
        INFO(bad);
        const Error error = render_error(config, std::string(R"({"v": )") + bad + "}");
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "headers.X-Foo");
    }
}

TEST_CASE("headers: method-override headers naming TRACE are forbidden after rendering", "[render][headers]") {
    const std::string config = R"({"url": "https://x.test/", "headers": [{"name": "X-HTTP-Method-Override", "value": "{{ m }}"}]})";
    const Error error = render_error(config, R"({"m": " trace "})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "headers.X-HTTP-Method-Override");
    CHECK(*header(render(config, R"({"m": "PATCH"})"), "X-HTTP-Method-Override") == "PATCH");
}

TEST_CASE("headers: values trimmed of spaces and tabs", "[render][headers]") {
    const Request request = render(R"({"url": "https://x.test/", "headers": [{"name": "X-Foo", "value": "{{ v }}"}]})",
                                   R"({"v": " \t a b \t "})");
    CHECK(*header(request, "X-Foo") == "a b");
}

TEST_CASE("headers: non-ASCII values are an error suggesting urlencode", "[render][headers]") {
    const Error error = render_error(R"({"url": "https://x.test/", "headers": [{"name": "X-Name", "value": "{{ v }}"}]})",
                                     R"({"v": "Zo\u00eb"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "headers.X-Name");
    CHECK(contains(error.message, "urlencode"));
}

TEST_CASE("signing: published vector through a config", "[render][signing]") {
    const Request request = render(R"({"url": "https://x.test/hook", "body": "{\"test\": 2432232314}",
        "signing": {"scheme": "standard-webhooks", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})",
                                   "{}", RenderInput{std::string("msg_p5jXN8AQM9LWM0D4loKWxJek"), 1614265330});
    CHECK(*request.body == R"({"test": 2432232314})");
    CHECK(*header(request, "webhook-id") == "msg_p5jXN8AQM9LWM0D4loKWxJek");
    CHECK(*header(request, "webhook-timestamp") == "1614265330");
    CHECK(*header(request, "webhook-signature") == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST_CASE("signing: the exact body bytes are signed; GET signs the empty body", "[render][signing]") {
    const Request post = render(R"({"url": "https://x.test/", "data": [{"key": "a", "value": "1"}],
        "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id": "order-{{ orderId }}"}})",
                                R"({"orderId": 42})", RenderInput{std::string("ignored"), 1700000000});
    CHECK(*post.body == R"({"a":"1"})");
    CHECK(*header(post, "webhook-id") == "order-42");  // the configured id wins
    CHECK(*header(post, "webhook-signature") == "v1,N11Cbw2hc6Gk/T2wMsZXEoDPRq9RmjR14RukTWhBDh4=");

    const Request get = render(R"({"url": "https://x.test/", "method": "GET",
        "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})",
                               "{}", RenderInput{std::string("msg_1"), 1700000000});
    CHECK(*header(get, "webhook-signature") == "v1,gSiPCGkMwgBPwtqun+0WQGJwP7wCS5MuBHUR5RLZhOo=");
}

TEST_CASE("signing: without an id, msg_ + 24 URL-safe characters", "[render][signing]") {
    const CompiledWebhook hook = webhook(R"({"url": "https://x.test/",
        "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})");
    CHECK(hook.is_signed());
    RenderInput input;
    input.timestamp_seconds = 1700000000;
    const std::string first = *header(hook.render(Context(), input), "webhook-id");
    const std::string second = *header(hook.render(Context(), input), "webhook-id");
    REQUIRE(first.size() == 28);
    CHECK(first.rfind("msg_", 0) == 0);
    CHECK(first.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 4) ==
          std::string::npos);
    CHECK(first != second);
}

TEST_CASE("signing: a timestamp is required", "[render][signing]") {
    const Error error = render_error(R"({"url": "https://x.test/",
        "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})",
                                     "{}", RenderInput{std::string("msg_1"), std::nullopt});
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "timestamp");
}

TEST_CASE("missing: suppress names userAttribute['First name']", "[render][missing]") {
    const CompiledWebhook hook = CompiledWebhook::compile(parse_config(read_fixture("spec_config.json")));
    const Error error = error_from([&] {
        hook.render(Context::from_json_text(
            R"({"userId": 1, "messageId": 2, "userAttribute": {"Last name": "Doe"},
                "parameter": {"source": "s", "price": 1, "qty": 2}})"));
    });
    CHECK(error.kind == ErrorKind::missing);
    CHECK(error.field == "data.first_name");
    CHECK(error.variable == "userAttribute['First name']");
}

TEST_CASE("missing: an attribute of an undefined parent stays a render error, as in Jinja", "[render][missing]") {
    const Error error = render_error(R"({"url": "https://x.test/", "data": [{"key": "first_name",
        "value": "{{ userAttribute['First name'] }}"}]})");
    CHECK(error.kind == ErrorKind::render);
    CHECK(error.field == "data.first_name");
}

TEST_CASE("missing: suppress in the URL and headers names the field", "[render][missing]") {
    Error error = render_error(R"({"url": "https://x.test/{{ userId }}"})");
    CHECK(error.kind == ErrorKind::missing);
    CHECK(error.field == "url");
    CHECK(error.variable == "userId");

    error = render_error(R"({"url": "https://x.test/", "headers": [{"name": "X-Campaign", "value": "{{ messageId }}"}]})");
    CHECK(error.kind == ErrorKind::missing);
    CHECK(error.field == "headers.X-Campaign");
    CHECK(error.variable == "messageId");
}

TEST_CASE("missing: jinja prints nothing for undefined", "[render][missing]") {
    const Request request = render(R"({"url": "https://x.test/{{ nope }}", "missing": "jinja",
        "data": [{"key": "a", "value": "[{{ nope }}]"}]})");
    CHECK(request.url == "https://x.test/");
    CHECK(*request.body == R"({"a":"[]"})");
}

TEST_CASE("errors: template errors carry the field and a position", "[render][errors]") {
    Error error = error_from([] {
        webhook(R"({"url": "https://x.test/", "headers": [{"name": "X-Campaign", "value": "ok {{ x "}]})");
    });
    CHECK(error.kind == ErrorKind::syntax);
    CHECK(error.field == "headers.X-Campaign");
    CHECK(error.line == 1);
    CHECK(error.column > 0);

    error = error_from([] { webhook(R"({"url": "https://x.test/{% if %}"})"); });
    CHECK(error.kind == ErrorKind::syntax);
    CHECK(error.field == "url");
    error = error_from([] { webhook(R"({"url": "https://x.test/", "data": [{"key": "first_name", "value": "{{ a | nofilter }}"}]})"); });
    CHECK(error.kind == ErrorKind::syntax);
    CHECK(error.field == "data.first_name");
    error = error_from([] { webhook(R"({"url": "https://x.test/", "body": "{{ 1 + }}"})"); });
    CHECK(error.field == "body");
    error = error_from([] {
        webhook(R"({"url": "https://x.test/", "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id": "{{"}})");
    });
    CHECK(error.field == "signing.id");

    error = render_error(R"({"url": "https://x.test/", "data": [{"key": "x", "value": "{{ 1 / 0 }}"}]})");
    CHECK(error.kind == ErrorKind::render);
    CHECK(error.field == "data.x");
}

TEST_CASE("variables: union of every template in first-use order", "[render]") {
    const CompiledWebhook hook = CompiledWebhook::compile(parse_config(read_fixture("spec_config.json")));
    CHECK(hook.variables() == std::vector<std::string>{"userId", "parameter.source", "userAttribute['First name']",
                                                       "parameter.price", "parameter.qty", "messageId"});
    CHECK(hook.method() == "POST");
    CHECK(hook.missing_policy() == MissingPolicy::suppress);
    CHECK_FALSE(hook.retry_policy());
    CHECK_FALSE(hook.is_signed());
    CHECK_FALSE(contains(hook.config_json(), "secret@"));
    CHECK(contains(hook.config_json(true), "user:secret@"));
}
