// Linked Data config (docs/webhook.md "Linked Data"): parsing, the rules, the export.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "hooksmith/webhook.hpp"
#include "support/test_support.hpp"

using hooksmith::testing::contains;

using namespace hooksmith;
using testing::error_from;

namespace {

std::string config_with(const std::string& linked_data) {
    return R"({"url": "https://hooks.example.com/x", "linkedData": )" + linked_data + "}";
}

Error config_error(const std::string& linked_data) {
    return error_from([&] { parse_config(config_with(linked_data)); });
}

}  // namespace

TEST_CASE("linked data config: sources are parsed and normalized", "[webhook][linked-data]") {
    const WebhookConfig config = parse_config(config_with(R"([
        {"name": "stockquote", "url": "https://api.example.com/q/{}?fmt=json", "method": "get",
         "headers": [{"name": "X-Api-Key", "value": "k-123"}]},
        {"name": "menu", "url": "https://api.example.com/menu"}])"));
    REQUIRE(config.linked_data.size() == 2);
    CHECK(config.linked_data[0].name == "stockquote");
    CHECK(config.linked_data[0].method == "GET");
    CHECK(config.linked_data[0].has_parameter());
    REQUIRE(config.linked_data[0].headers.size() == 1);
    CHECK(config.linked_data[0].headers[0].value == "k-123");
    CHECK(config.linked_data[1].method == "GET");
    CHECK_FALSE(config.linked_data[1].has_parameter());
    CHECK(CompiledWebhook::compile(config).linked_data_sources().size() == 2);
}

TEST_CASE("linked data config: shape errors name the entry", "[webhook][linked-data]") {
    Error error = config_error(R"({"name": "x"})");
    CHECK(error.kind == ErrorKind::config);
    CHECK(error.field == "linkedData");
    error = config_error(R"([{"name": "menu", "uri": "https://a.example/"}])");
    CHECK(error.field == "linkedData[0].uri");
    CHECK(contains(error.message, "did you mean 'url'?"));
    CHECK(config_error(R"([{"url": "https://a.example/"}])").field == "linkedData[0].name");
    CHECK(config_error(R"([{"name": "menu"}])").field == "linkedData[0].url");
    CHECK(config_error(R"([{"name": "menu", "url": 5}])").field == "linkedData[0].url");
    CHECK(config_error(R"(["menu"])").field == "linkedData[0]");
    error = error_from([] { parse_config(R"({"url": "https://a.example/", "linkdData": []})"); });
    CHECK(error.field == "linkdData");
    CHECK(contains(error.message, "did you mean 'linkedData'?"));
}

TEST_CASE("linked data config: names are unique identifiers", "[webhook][linked-data]") {
    for (const char* name : {"", "1st", "stock-quote", "a b", "caf\u00e9"}) {
        const Error error = config_error(R"([{"name": )" + nlohmann::json(name).dump() + R"(, "url": "https://a.example/"}])");
        CHECK(error.field == "linkedData[0].name");
    }
    const Error error = config_error(R"([{"name": "menu", "url": "https://a.example/1"},
                                        {"name": "menu", "url": "https://a.example/2"}])");
    CHECK(error.field == "linkedData.menu");
    CHECK(contains(error.message, "declared twice"));
    CHECK_NOTHROW(parse_config(config_with(R"([{"name": "_menu2", "url": "https://a.example/"}])")));
}

TEST_CASE("linked data config: the URL is a literal http(s) URL with at most one {} after the host",
          "[webhook][linked-data]") {
    auto url_error = [](const std::string& url) {
        return config_error(R"([{"name": "q", "url": )" + nlohmann::json(url).dump() + "}]");
    };
    CHECK(url_error("").field == "linkedData.q.url");
    CHECK(url_error("ftp://a.example/{}").field == "linkedData.q.url");
    CHECK(url_error("not a url").field == "linkedData.q.url");
    CHECK(contains(url_error("https://a.example/{}/{}").message, "more than one"));
    CHECK(contains(url_error("https://{}.example.com/").message, "path or the query"));
    CHECK(contains(url_error("https://a.example/#{}").message, "path or the query"));
    CHECK(contains(url_error("https://a.example/{{ userId }}").message, "not a template"));
    const Error credentials = url_error("https://user:s3cret@a.example/{}");
    CHECK(contains(credentials.message, "credentials"));
    CHECK_FALSE(contains(credentials.message, "s3cret"));
    CHECK_NOTHROW(parse_config(config_with(R"([{"name": "q", "url": "https://a.example/q?s={}&x=1"}])")));
}

TEST_CASE("linked data config: GET only", "[webhook][linked-data]") {
    const Error error = config_error(R"([{"name": "q", "url": "https://a.example/", "method": "POST"}])");
    CHECK(error.field == "linkedData.q.method");
    CHECK(contains(error.message, "GET"));
}

TEST_CASE("linked data config: headers follow the webhook header rules, literally", "[webhook][linked-data]") {
    auto header_error = [](const std::string& name, const std::string& value) {
        return config_error(R"([{"name": "q", "url": "https://a.example/", "headers": [{"name": )" +
                            nlohmann::json(name).dump() + R"(, "value": )" + nlohmann::json(value).dump() + "}]}]");
    };
    CHECK(header_error("Bad Name", "x").field == "linkedData[0].headers[0].name");
    CHECK(header_error("Content-Type", "application/json").field == "linkedData.q.headers.Content-Type");
    CHECK(header_error("Cookie", "a=1").field == "linkedData.q.headers.Cookie");
    CHECK(header_error("X-Key", "line\nbreak").field == "linkedData.q.headers.X-Key");
    const Error twice = config_error(R"([{"name": "q", "url": "https://a.example/",
        "headers": [{"name": "X-Key", "value": "1"}, {"name": "x-key", "value": "2"}]}])");
    CHECK(twice.field == "linkedData.q.headers.x-key");
    CHECK(config_error(R"([{"name": "q", "url": "https://a.example/", "headers": [{"name": "X-Key"}]}])").field ==
          "linkedData[0].headers.X-Key");
}

TEST_CASE("linked data config: exported after retry, secrets masked unless revealed", "[webhook][linked-data]") {
    const std::string text = config_with(R"([{"name": "q", "url": "https://a.example/q/{}",
        "headers": [{"name": "Authorization", "value": "Bearer t0ken"}, {"name": "X-Trace", "value": "on"}]}])");
    const nlohmann::json masked = nlohmann::json::parse(config_to_json_text(parse_config(text)));
    const nlohmann::json expected = nlohmann::json::parse(R"([{"name": "q", "url": "https://a.example/q/{}",
        "method": "GET", "headers": [{"name": "Authorization", "value": "****"}, {"name": "X-Trace", "value": "on"}]}])");
    CHECK(masked["linkedData"] == expected);
    const std::string revealed = config_to_json_text(parse_config(text), /*reveal=*/true);
    CHECK(contains(revealed, "Bearer t0ken"));
    // The export parses back to the same sources.
    CHECK(parse_config(revealed).linked_data[0].headers[0].value == "Bearer t0ken");
    // No sources: no member, so existing exports are unchanged.
    CHECK_FALSE(contains(config_to_json_text(parse_config(R"({"url": "https://a.example/"})")), "linkedData"));
}
