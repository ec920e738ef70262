// Webhook configuration rules (webhook.md §2): every violation is a typed error naming its field.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "hooksmith/webhook.hpp"
#include "support/test_support.hpp"

using hooksmith::testing::contains;

using namespace hooksmith;

namespace {

std::string read_fixture(const std::string& name) {
    return testing::read_source_file("tests/core/webhook/fixtures/" + name);
}

using testing::error_from;

Error config_error_of(const std::string& json_text) {
    return error_from([&] { parse_config(json_text); });
}

}  // namespace

TEST_CASE("config: the §2 example parses field by field", "[config]") {
    const WebhookConfig config = parse_config(read_fixture("spec_config.json"));
    CHECK(config.method == "POST");
    CHECK(config.url ==
          "https://user:secret@api.example.com/users/{{ userId }}?src={{ parameter.source | urlencode }}");
    CHECK(config.content_type == "application/json");
    REQUIRE(config.data.size() == 2);
    CHECK(config.data[0].key == "first_name");
    CHECK(config.data[0].value == "{{ userAttribute['First name'] }}");
    CHECK(config.data[0].type == ValueType::string);
    CHECK(config.data[1].key == "total");
    CHECK(config.data[1].type == ValueType::number);
    REQUIRE(config.headers.size() == 1);
    CHECK(config.headers[0].name == "X-Campaign");
    CHECK(config.headers[0].value == "{{ messageId }}");
    CHECK(config.missing == MissingPolicy::suppress);
    CHECK_FALSE(config.body);
    CHECK_FALSE(config.signing);
    CHECK_FALSE(config.retry);
}

TEST_CASE("config: defaults are POST, application/json, suppress", "[config]") {
    const WebhookConfig config = parse_config(R"({"url": "https://x.test/"})");
    CHECK(config.method == "POST");
    CHECK(config.content_type == "application/json");
    CHECK(config.missing == MissingPolicy::suppress);
    CHECK(config.data.empty());
    CHECK(config.headers.empty());
}

TEST_CASE("config: method accepted in any case, upper-case on the wire", "[config]") {
    CHECK(parse_config(R"({"url": "https://x.test/", "method": "patch"})").method == "PATCH");
    CHECK(parse_config(R"({"url": "https://x.test/", "method": "Get"})").method == "GET");
    CHECK(parse_config(R"({"url": "https://x.test/", "method": "delete"})").method == "DELETE");
    for (const char* bad : {"FETCH", "HEAD", "", "POST "}) {
        const Error error = config_error_of(std::string(R"({"url": "https://x.test/", "method": ")") +
                                            bad + "\"}");
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "method");
    }
    CHECK(config_error_of(R"({"url": "https://x.test/", "method": 1})").field == "method");
}

TEST_CASE("config: unknown fields are errors suggesting the nearest name", "[config]") {
    Error error = config_error_of(R"({"url": "https://x.test/", "contenttype": "application/json"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "contenttype");
    CHECK(contains(error.message, "did you mean 'contentType'"));

    error = config_error_of(R"({"urll": "https://x.test/"})");
    CHECK(error.field == "urll");
    CHECK(contains(error.message, "did you mean 'url'"));

    error = config_error_of(R"({"url": "https://x.test/", "foo": 1})");
    CHECK(error.field == "foo");
    CHECK(contains(error.message, "unknown field 'foo'"));

    error = config_error_of(R"({"url": "https://x.test/", "data": [{"key": "a", "vaule": "b"}]})");
    CHECK(error.field == "data[0].vaule");
    CHECK(contains(error.message, "did you mean 'value'"));

    error = config_error_of(R"({"url": "https://x.test/", "headers": [{"nme": "X-A", "value": "b"}]})");
    CHECK(error.field == "headers[0].nme");

    error = config_error_of(
        R"({"url": "https://x.test/", "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "scheme": "standard-webhooks", "ids": "x"}})");
    CHECK(error.field == "signing.ids");
    CHECK(contains(error.message, "did you mean 'id'"));
}

TEST_CASE("config: invalid JSON is an input error with its position", "[config]") {
    Error error = config_error_of("{\n  \"url\": \"https://x.test/\",\n  oops\n}");
    CHECK(error.kind == ErrorKind::input);
    CHECK(error.line == 3);
    CHECK(error.column >= 3);

    error = config_error_of("");
    CHECK(error.kind == ErrorKind::input);
}

TEST_CASE("config: invalid UTF-8 is an input error that does not echo the text", "[config]") {
    const Error error = config_error_of("{\"url\": \"https://x.test/\", \"signing\": {\"secret\": \"whsec_abc\xff\"}}");
    CHECK(error.kind == ErrorKind::input);
    CHECK_FALSE(contains(error.message, "whsec_abc"));
    CHECK_FALSE(contains(error.what(), "whsec_abc"));
}

TEST_CASE("config: a key given twice is an error naming its path", "[config]") {
    Error error = config_error_of(R"({"url": "https://a.test/", "url": "https://b.test/"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "url");

    error = config_error_of(
        R"({"url": "https://a.test/", "data": [{"key": "a", "value": "1"}, {"key": "b", "value": "2", "value": "3"}]})");
    CHECK(error.field == "data[1].value");
}

TEST_CASE("config: the config must be an object with a url", "[config]") {
    CHECK(config_error_of("[1, 2]").kind == ErrorKind::config);
    Error error = config_error_of(R"({"method": "POST"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "url");
    CHECK(config_error_of(R"({"url": ""})").field == "url");
    CHECK(config_error_of(R"({"url": 42})").field == "url");
}

TEST_CASE("config: data keys must be non-empty and unique", "[config]") {
    Error error = config_error_of(
        R"({"url": "https://x.test/", "data": [{"key": "a", "value": "1"}, {"key": "", "value": "2"}]})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "data[1].key");

    error = config_error_of(R"({"url": "https://x.test/", "data": [
        {"key": "first_name", "value": "1"}, {"key": "x", "value": "2"}, {"key": "first_name", "value": "3"}]})");
    CHECK(error.field == "data.first_name");
    CHECK(contains(error.message, "first_name"));

    CHECK(config_error_of(R"({"url": "https://x.test/", "data": [{"value": "1"}]})").field == "data[0].key");
    CHECK(config_error_of(R"({"url": "https://x.test/", "data": [{"key": "a"}]})").field == "data[0].value");
    CHECK(config_error_of(R"({"url": "https://x.test/", "data": [{"key": "a", "value": 5}]})").field ==
          "data[0].value");
    CHECK(config_error_of(R"({"url": "https://x.test/", "data": {"a": "b"}})").field == "data");
    CHECK(config_error_of(R"({"url": "https://x.test/", "data": ["a"]})").field == "data[0]");
}

TEST_CASE("config: data type is string, number, boolean or json", "[config]") {
    const WebhookConfig config = parse_config(R"({"url": "https://x.test/", "data": [
        {"key": "s", "value": "1", "type": "string"}, {"key": "n", "value": "1", "type": "number"},
        {"key": "b", "value": "true", "type": "boolean"}, {"key": "j", "value": "[]", "type": "json"}]})");
    CHECK(config.data[0].type == ValueType::string);
    CHECK(config.data[1].type == ValueType::number);
    CHECK(config.data[2].type == ValueType::boolean);
    CHECK(config.data[3].type == ValueType::json);
    const Error error = config_error_of(
        R"({"url": "https://x.test/", "data": [{"key": "a", "value": "1", "type": "integer"}]})");
    CHECK(error.field == "data[0].type");
}

TEST_CASE("config: contentType is json or form with data, anything printable with a body", "[config]") {
    CHECK(parse_config(R"({"url": "https://x.test/", "contentType": "application/x-www-form-urlencoded"})")
              .content_type == "application/x-www-form-urlencoded");
    CHECK(parse_config(R"({"url": "https://x.test/", "contentType": "Application/JSON"})").content_type ==
          "application/json");
    CHECK(config_error_of(R"({"url": "https://x.test/", "contentType": "text/plain"})").field ==
          "contentType");
    CHECK(parse_config(R"({"url": "https://x.test/", "contentType": "text/plain; charset=utf-8", "body": "hi"})")
              .content_type == "text/plain; charset=utf-8");
    CHECK(config_error_of(R"({"url": "https://x.test/", "contentType": "text/plain\n", "body": "hi"})").field ==
          "contentType");
    CHECK(config_error_of(R"({"url": "https://x.test/", "contentType": "", "body": "hi"})").field ==
          "contentType");
}

TEST_CASE("config: body and data together, or a body on GET, are errors", "[config]") {
    Error error = config_error_of(R"({"url": "https://x.test/", "body": "x", "data": []})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "body");
    error = config_error_of(R"({"url": "https://x.test/", "method": "get", "body": "x"})");
    CHECK(error.field == "body");
    CHECK(parse_config(R"({"url": "https://x.test/", "body": "x"})").body == std::string("x"));
}

TEST_CASE("config: header names must be unique HTTP tokens", "[config]") {
    Error error = config_error_of(R"({"url": "https://x.test/", "headers": [{"name": "X Foo", "value": "1"}]})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "headers[0].name");
    CHECK(config_error_of(R"({"url": "https://x.test/", "headers": [{"name": "", "value": "1"}]})").field ==
          "headers[0].name");
    CHECK(config_error_of(R"({"url": "https://x.test/", "headers": [{"name": "X-Ä", "value": "1"}]})").field ==
          "headers[0].name");

    error = config_error_of(R"({"url": "https://x.test/", "headers": [
        {"name": "X-Foo", "value": "1"}, {"name": "x-foo", "value": "2"}]})");
    CHECK(error.field == "headers.x-foo");
    CHECK(contains(error.message, "twice"));
}

TEST_CASE("config: forbidden header names are rejected", "[config]") {
    for (const char* name : {"Content-Type", "content-type", "Content-Length", "Host", "Cookie", "Origin",
                             "Referer", "Sec-Fetch-Mode", "Proxy-Authorization", "Connection"}) {
        const Error error = config_error_of(std::string(R"({"url": "https://x.test/", "headers": [{"name": ")") +
                                            name + R"(", "value": "1"}]})");
        INFO(name);
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == std::string("headers.") + name);
    }
    // Authorization is allowed when the URL has no credentials (checked after rendering).
    CHECK(parse_config(R"({"url": "https://x.test/", "headers": [{"name": "Authorization", "value": "Bearer t"}]})")
              .headers.size() == 1);
}

TEST_CASE("config: signing headers are reserved when signing", "[config]") {
    const Error error = config_error_of(R"({"url": "https://x.test/",
        "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
        "headers": [{"name": "Webhook-Signature", "value": "v1,x"}]})");
    CHECK(error.field == "headers.Webhook-Signature");
    CHECK(parse_config(R"({"url": "https://x.test/", "headers": [{"name": "webhook-id", "value": "1"}]})")
              .headers.size() == 1);
}

TEST_CASE("config: missing is suppress or jinja", "[config]") {
    CHECK(parse_config(R"({"url": "https://x.test/", "missing": "jinja"})").missing == MissingPolicy::jinja);
    CHECK(config_error_of(R"({"url": "https://x.test/", "missing": "ignore"})").field == "missing");
    CHECK(config_error_of(R"({"url": "https://x.test/", "missing": true})").field == "missing");
}

TEST_CASE("config: signing secret must be whsec_ + base64 and is never echoed", "[config]") {
    const WebhookConfig config = parse_config(R"({"url": "https://x.test/",
        "signing": {"scheme": "standard-webhooks", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id": "{{ messageId }}"}})");
    REQUIRE(config.signing);
    CHECK(config.signing->scheme == "standard-webhooks");
    CHECK(config.signing->id == std::string("{{ messageId }}"));

    for (const char* secret : {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not*base64!", "whsec_a"}) {
        const Error error = config_error_of(std::string(R"({"url": "https://x.test/", "signing": {"secret": ")") +
                                            secret + "\"}}");
        INFO(secret);
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "signing.secret");
        if (std::string(secret).size() > 10) CHECK_FALSE(contains(error.what(), secret + 6));
    }
    CHECK(config_error_of(R"({"url": "https://x.test/", "signing": {}})").field == "signing.secret");
    CHECK(config_error_of(R"({"url": "https://x.test/", "signing": {"scheme": "hmac", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}})")
              .field == "signing.scheme");
}

TEST_CASE("config: of several faulty members the first in key order is reported, whatever the text's order", "[config]") {
    // Configs are parsed into an insertion-ordered json; errors stay those of a sorted one.
    CHECK(config_error_of(R"({"url": "https://x.test/", "zzz": 1, "aaa": 2})").field == "aaa");
    CHECK(config_error_of(R"({"url": "https://x.test/", "aaa": 1, "zzz": 2})").field == "aaa");
    CHECK(config_error_of(R"({"url": "https://x.test/", "data": [{"value": "v", "key": "k", "zz": 1, "ab": 2}]})").field ==
          "data[0].ab");
    // retry: maxAttempts is checked before retryNetworkErrors in either order.
    CHECK(config_error_of(R"({"url": "https://x.test/", "retry": {"retryNetworkErrors": 1, "maxAttempts": 0}})").field ==
          "retry.maxAttempts");
    CHECK(config_error_of(R"({"url": "https://x.test/", "retry": {"maxAttempts": 0, "retryNetworkErrors": 1}})").field ==
          "retry.maxAttempts");
    // The policy's JSON text keeps sorted keys.
    CHECK(RetryPolicy::interactive().to_json().dump().rfind(R"({"attemptTimeoutMs":)", 0) == 0);
}

TEST_CASE("config: retry is delegated to RetryPolicy::from_json", "[config]") {
    CHECK_FALSE(parse_config(R"({"url": "https://x.test/"})").retry);
    const WebhookConfig interactive = parse_config(R"({"url": "https://x.test/", "retry": "interactive"})");
    REQUIRE(interactive.retry);
    CHECK(*interactive.retry == RetryPolicy::interactive());
    const WebhookConfig custom = parse_config(R"({"url": "https://x.test/", "retry": {"maxAttempts": 5}})");
    REQUIRE(custom.retry);
    CHECK(custom.retry->max_attempts == 5);
    const Error error = config_error_of(R"({"url": "https://x.test/", "retry": {"maxAttempts": "five"}})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field.rfind("retry", 0) == 0);
}

TEST_CASE("config: export masks secrets unless reveal, and round-trips", "[config]") {
    const WebhookConfig config = parse_config(R"({"url": "https://user:secret@x.test/{{ userId }}",
        "data": [{"key": "n", "value": "{{ n }}", "type": "number"}],
        "headers": [{"name": "Authorization", "value": "Bearer tok"}, {"name": "X-A", "value": "a"}],
        "signing": {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, "retry": "interactive"})");
    const std::string masked = config_to_json_text(config);
    CHECK_FALSE(contains(masked, "secret@"));
    CHECK_FALSE(contains(masked, "MfKQ9r8G"));
    CHECK_FALSE(contains(masked, "Bearer tok"));
    CHECK(contains(masked, "user:****@"));
    CHECK(masked.rfind(R"({"method":"POST","url":)", 0) == 0);

    const std::string revealed = config_to_json_text(config, true);
    const WebhookConfig again = parse_config(revealed);
    CHECK(config_to_json_text(again, true) == revealed);
    CHECK(again.url == config.url);
    CHECK(again.data[0].type == ValueType::number);
    CHECK(again.signing->secret == config.signing->secret);
    CHECK(*again.retry == RetryPolicy::interactive());
}

TEST_CASE("config: validate_config checks configs built in code", "[config]") {
    WebhookConfig config;
    config.url = "https://x.test/";
    config.method = "put";
    validate_config(config);
    CHECK(config.method == "PUT");
    config.data = {{"a", "1", ValueType::string}, {"a", "2", ValueType::string}};
    CHECK(error_from([&] { validate_config(config); }).field == "data.a");
}
