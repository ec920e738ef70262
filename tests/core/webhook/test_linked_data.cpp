// Linked Data resolution (docs/webhook.md "Linked Data"): discovery by evaluation, answers into
// the context, and what render() says without them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "hooksmith/webhook.hpp"
#include "support/test_support.hpp"

using hooksmith::testing::contains;

using namespace hooksmith;
using testing::error_from;

namespace {

// A quote for the user's favourite stock, and today's menu only for users who opted in.
const char* const kConfig = R"({
  "url": "https://hooks.example.com/u/{{ userId }}",
  "data": [
    {"key": "stock", "value": "{{ userAttribute['FavoriteStock'] }}"},
    {"key": "price", "value": "{{ linkedData.stockquote[userAttribute['FavoriteStock']]['price'] }}", "type": "number"},
    {"key": "menu", "value": "{% if userAttribute.menu %}{{ linkedData.menu.today }}{% else %}-{% endif %}"}
  ],
  "linkedData": [
    {"name": "stockquote", "url": "https://api.example.com/q/{}?fmt=json", "headers": [{"name": "X-Api-Key", "value": "k1"}]},
    {"name": "menu", "url": "https://api.example.com/menu"}
  ]})";

CompiledWebhook hook(const char* config = kConfig) { return CompiledWebhook::compile(config); }

Context context(const std::string& json) { return Context::from_json_text(json); }

LinkedDataAnswer answer(std::string source, std::optional<std::string> parameter, int status, std::string body,
                        std::string error = {}) {
    LinkedDataAnswer a;
    a.source = std::move(source);
    a.parameter = std::move(parameter);
    a.status = status;
    a.body = std::move(body);
    a.error = std::move(error);
    return a;
}

std::vector<std::string> describe(const std::vector<LinkedDataFetch>& fetches) {
    std::vector<std::string> out;
    for (const LinkedDataFetch& fetch : fetches) {
        out.push_back(fetch.source + "|" + fetch.parameter.value_or("<none>") + "|" + fetch.request.url);
    }
    return out;
}

}  // namespace

TEST_CASE("linked data: the parameter expression is evaluated against the user", "[webhook][linked-data]") {
    const auto fetches = hook().linked_data_needed(context(R"({"userId": 1, "userAttribute": {"FavoriteStock": "AAPL"}})"));
    REQUIRE(describe(fetches) == std::vector<std::string>{"stockquote|AAPL|https://api.example.com/q/AAPL?fmt=json"});
    const Request& request = fetches[0].request;
    CHECK(request.method == "GET");
    CHECK(request.headers == std::vector<std::pair<std::string, std::string>>{{"X-Api-Key", "k1"}});
    CHECK_FALSE(request.body.has_value());
    // Another user, another parameter: str() of an int, and a value needing percent-encoding.
    CHECK(describe(hook().linked_data_needed(context(R"({"userAttribute": {"FavoriteStock": 42}})"))) ==
          std::vector<std::string>{"stockquote|42|https://api.example.com/q/42?fmt=json"});
    CHECK(describe(hook().linked_data_needed(context(R"({"userAttribute": {"FavoriteStock": "BRK/B & co?é"}})"))) ==
          std::vector<std::string>{"stockquote|BRK/B & co?\u00e9|https://api.example.com/q/BRK%2FB%20%26%20co%3F%C3%A9?fmt=json"});
}

TEST_CASE("linked data: a source read only in a branch the user does not take is not fetched", "[webhook][linked-data]") {
    const auto off = hook().linked_data_needed(context(R"({"userAttribute": {"FavoriteStock": "AAPL", "menu": false}})"));
    CHECK(describe(off) == std::vector<std::string>{"stockquote|AAPL|https://api.example.com/q/AAPL?fmt=json"});
    const auto on = hook().linked_data_needed(context(R"({"userAttribute": {"FavoriteStock": "AAPL", "menu": true}})"));
    CHECK(describe(on) == std::vector<std::string>{"stockquote|AAPL|https://api.example.com/q/AAPL?fmt=json",
                                                   "menu|<none>|https://api.example.com/menu"});
}

TEST_CASE("linked data: no parameter means nothing to fetch for that read", "[webhook][linked-data]") {
    // The user has no FavoriteStock: the real render suppresses them for the missing attribute.
    const char* config = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain",
      "body": "{{ linkedData.q[userAttribute['FavoriteStock']]['price'] }}",
      "linkedData": [{"name": "q", "url": "https://api.example.com/q/{}"}]})";
    const Context user = context(R"({"userAttribute": {}})");
    CHECK(hook(config).linked_data_needed(user).empty());
    const Error error = error_from([&] { hook(config).render(user); });
    CHECK(error.kind == ErrorKind::missing);
    CHECK(error.field == "body");
    CHECK(error.variable == "userAttribute['FavoriteStock']");
    CHECK(error.column == 17);  // the parameter expression
}

TEST_CASE("linked data: data present in the context wins and is not fetched", "[webhook][linked-data]") {
    const Context user = context(R"({"userId": 7, "userAttribute": {"FavoriteStock": "AAPL", "menu": true},
        "linkedData": {"stockquote": {"AAPL": {"price": 187.5}}}})");
    CHECK(describe(hook().linked_data_needed(user)) == std::vector<std::string>{"menu|<none>|https://api.example.com/menu"});
    const Request request = hook().render(hook().with_linked_data(user, {answer("menu", std::nullopt, 200, R"({"today": "soup"})")}));
    CHECK(request.body == R"({"stock":"AAPL","price":187.5,"menu":"soup"})");
}

TEST_CASE("linked data: reads behind fetched data are found in the next round", "[webhook][linked-data]") {
    const char* config = R"({"url": "https://hooks.example.com/x",
      "body": "{{ linkedData.profile.city }}: {{ linkedData.weather[linkedData.profile.city].temp }}",
      "contentType": "text/plain",
      "linkedData": [{"name": "profile", "url": "https://api.example.com/p"},
                     {"name": "weather", "url": "https://api.example.com/w?city={}"}]})";
    const CompiledWebhook webhook = hook(config);
    const Context user = context("{}");
    std::vector<LinkedDataAnswer> answers;
    const auto round1 = webhook.linked_data_needed(user, answers);
    REQUIRE(describe(round1) == std::vector<std::string>{"profile|<none>|https://api.example.com/p"});
    answers.push_back(answer("profile", std::nullopt, 200, R"({"city": "Zürich"})"));
    const auto round2 = webhook.linked_data_needed(user, answers);
    REQUIRE(describe(round2) == std::vector<std::string>{"weather|Zürich|https://api.example.com/w?city=Z%C3%BCrich"});
    answers.push_back(answer("weather", std::string("Zürich"), 200, R"({"temp": 21})"));
    CHECK(webhook.linked_data_needed(user, answers).empty());
    CHECK(webhook.render(webhook.with_linked_data(user, answers)).body == "Zürich: 21");
}

TEST_CASE("linked data: reads in a loop are all found in one round", "[webhook][linked-data]") {
    const char* config = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain",
      "body": "{% for s in userAttribute.stocks %}{{ s }}={{ linkedData.q[s].price }};{% endfor %}",
      "linkedData": [{"name": "q", "url": "https://api.example.com/q/{}"}]})";
    const Context user = context(R"({"userAttribute": {"stocks": ["A", "B", "A", "C"]}})");
    CHECK(describe(hook(config).linked_data_needed(user)) ==
          std::vector<std::string>{"q|A|https://api.example.com/q/A", "q|B|https://api.example.com/q/B",
                                   "q|C|https://api.example.com/q/C"});
}

TEST_CASE("linked data: answers keep int vs float and JSON types", "[webhook][linked-data]") {
    const char* config = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain",
      "body": "{{ linkedData.m.i }} {{ linkedData.m.f }} {{ linkedData.m.i is integer }} {{ linkedData.m.f is float }} {{ linkedData.m.l|length }} {{ linkedData.m.n }} {{ linkedData.m.t }}",
      "missing": "jinja",
      "linkedData": [{"name": "m", "url": "https://api.example.com/m"}]})";
    const Context user = context("{}");
    const auto answers = std::vector<LinkedDataAnswer>{
        answer("m", std::nullopt, 200, R"( {"i": 3, "f": 3.0, "l": [1, {"x": null}], "n": null, "t": true} )")};
    CHECK(hook(config).render(hook(config).with_linked_data(user, answers)).body == "3 3.0 True True 2 None True");
}

TEST_CASE("linked data: a failed or non-JSON answer the user reads suppresses them, naming the source and why",
          "[webhook][linked-data]") {
    const Context user = context(R"({"userAttribute": {"FavoriteStock": "AAPL", "menu": false}})");
    struct Case {
        LinkedDataAnswer answer;
        std::string reason;
    };
    const std::vector<Case> cases = {
        {answer("stockquote", std::string("AAPL"), 404, "not found"), "HTTP 404"},
        {answer("stockquote", std::string("AAPL"), 503, "", "Service Unavailable"), "HTTP 503 (Service Unavailable)"},
        {answer("stockquote", std::string("AAPL"), 0, "", "timeout after 10000 ms"), "no response (timeout after 10000 ms)"},
        {answer("stockquote", std::string("AAPL"), 0, ""), "no response (network error)"},
        {answer("stockquote", std::string("AAPL"), 200, "<html>"), "HTTP 200 but the body is not JSON"},
        {answer("stockquote", std::string("AAPL"), 200, R"({"price": 1} trailing)"), "HTTP 200 but the body is not JSON"},
        {answer("stockquote", std::string("AAPL"), 200, std::string("{\"a\":\0}", 7)), "not JSON (a NUL byte)"},
    };
    for (const Case& c : cases) {
        const Error error = error_from([&] { hook().with_linked_data(user, {c.answer}); });
        INFO(error.message);
        CHECK(error.kind == ErrorKind::missing);
        CHECK(contains(error.message, "linked data 'stockquote' for parameter 'AAPL' could not be fetched"));
        CHECK(contains(error.message, c.reason));
        CHECK(error.variable == "linkedData.stockquote['AAPL']");
    }
    // The same failure for a source this user does not read changes nothing.
    const Context other = context(R"({"userId": 2, "userAttribute": {"FavoriteStock": "MSFT", "menu": false}})");
    const std::vector<LinkedDataAnswer> answers = {answer("stockquote", std::string("AAPL"), 500, ""),
                                                   answer("stockquote", std::string("MSFT"), 200, R"({"price": 2})")};
    CHECK(hook().render(hook().with_linked_data(other, answers)).body == R"({"stock":"MSFT","price":2,"menu":"-"})");
}

TEST_CASE("linked data: an oversized answer is a limit error", "[webhook][linked-data]") {
    const Context user = context(R"({"userAttribute": {"FavoriteStock": "AAPL"}})");
    const std::string big = "\"" + std::string(max_linked_data_answer_bytes, 'x') + "\"";
    const Error error = error_from([&] { hook().with_linked_data(user, {answer("stockquote", std::string("AAPL"), 200, big)}); });
    CHECK(error.kind == ErrorKind::limit);
    CHECK(contains(error.message, "more than the limit of 1048576"));
    // Nesting beyond the context's 512 levels is a limit too.
    const std::string deep = std::string(600, '[') + std::string(600, ']');
    CHECK(error_from([&] { hook().with_linked_data(user, {answer("stockquote", std::string("AAPL"), 200, deep)}); }).kind ==
          ErrorKind::limit);
}

TEST_CASE("linked data: more than 20 fetches for one user is a limit error", "[webhook][linked-data]") {
    const char* config = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain",
      "body": "{% for i in range(21) %}{{ linkedData.q[i] }}{% endfor %}",
      "linkedData": [{"name": "q", "url": "https://api.example.com/q/{}"}]})";
    const Error error = error_from([&] { hook(config).linked_data_needed(context("{}")); });
    CHECK(error.kind == ErrorKind::limit);
    CHECK(contains(error.message, "more than 20 linked data items"));
    // Exactly 20 is fine; a template reading 100 000 parameters stops early (no quadratic search).
    const std::string twenty = std::string(config).replace(std::string(config).find("range(21)"), 9, "range(20)");
    CHECK(hook(twenty.c_str()).linked_data_needed(context("{}")).size() == 20);
    const std::string huge = std::string(config).replace(std::string(config).find("range(21)"), 9, "range(100000)");
    CHECK(error_from([&] { hook(huge.c_str()).linked_data_needed(context("{}")); }).kind == ErrorKind::limit);
}

TEST_CASE("linked data: render without the data says to resolve it first", "[webhook][linked-data]") {
    const Error error = error_from([] { hook().render(context(R"({"userId": 3, "userAttribute": {"FavoriteStock": "AAPL"}})")); });
    CHECK(error.kind == ErrorKind::missing);
    CHECK(error.field == "data.price");
    CHECK(error.variable == "linkedData.stockquote['AAPL']");
    CHECK(contains(error.message, "needs linked data 'stockquote' for parameter 'AAPL'"));
    CHECK(contains(error.message, "fetch it first (renderResolved"));
    CHECK(error.line == 1);
    CHECK(error.column == 4);
    // The same under missing: jinja: unfetched linked data is never silently empty.
    nlohmann::json jinja = nlohmann::json::parse(kConfig);
    jinja["missing"] = "jinja";
    const CompiledWebhook webhook = CompiledWebhook::compile(jinja.dump());
    const Error jinja_error = error_from([&] { webhook.render(context(R"({"userAttribute": {"FavoriteStock": "AAPL"}})")); });
    CHECK(jinja_error.kind == ErrorKind::missing);
    CHECK(jinja_error.variable == "linkedData.stockquote['AAPL']");
}

TEST_CASE("linked data: undeclared sources are plain Jinja", "[webhook][linked-data]") {
    const char* config = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain", "missing": "jinja",
      "body": "[{{ linkedData.other }}][{{ linkedData.m.a }}]",
      "linkedData": [{"name": "m", "url": "https://api.example.com/m"}]})";
    const CompiledWebhook webhook = hook(config);
    const auto answers = std::vector<LinkedDataAnswer>{answer("m", std::nullopt, 200, R"({"a": 1})")};
    CHECK(webhook.render(webhook.with_linked_data(context("{}"), answers)).body == "[][1]");
    const Error error = error_from([&] { webhook.with_linked_data(context("{}"), {answer("nope", std::nullopt, 200, "1")}); });
    CHECK(error.kind == ErrorKind::input);
    CHECK(contains(error.message, "'nope'"));
}

TEST_CASE("linked data: a webhook without sources is unchanged", "[webhook][linked-data]") {
    const CompiledWebhook webhook = CompiledWebhook::compile(R"({"url": "https://a.example/{{ linkedData.x }}", "missing": "jinja"})");
    const Context user = context(R"({"linkedData": {"x": "y"}})");
    CHECK(webhook.linked_data_needed(user).empty());
    CHECK(webhook.render(webhook.with_linked_data(user, {})).url == "https://a.example/y");
}

TEST_CASE("linked data: the report lists what the user still needs", "[webhook][linked-data]") {
    const RenderReport report = hook().report(context(R"({"userId": 1, "userAttribute": {"FavoriteStock": "AAPL", "menu": true}})"));
    CHECK(report.linked_data_needed == std::vector<std::string>{"linkedData.stockquote['AAPL']", "linkedData.menu"});
    for (const std::string& path : report.absent_variables) CHECK_FALSE(contains(path, "linkedData"));
    const RenderReport supplied = hook().report(context(R"({"userAttribute": {"FavoriteStock": "AAPL"},
        "linkedData": {"stockquote": {}}})"));
    CHECK(supplied.linked_data_needed.empty());
}

TEST_CASE("linked data: answers from JSON text (the binding's and the CLI's format)", "[webhook][linked-data]") {
    const auto answers = parse_linked_data_answers(R"([
        {"source": "stockquote", "parameter": "AAPL", "status": 200, "body": "{\"price\": 1}"},
        {"source": "menu", "parameter": null, "status": 0, "error": "CORS"}])");
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].source == "stockquote");
    CHECK(answers[0].parameter == std::optional<std::string>("AAPL"));
    CHECK(answers[0].status == 200);
    CHECK(answers[0].body == "{\"price\": 1}");
    CHECK_FALSE(answers[1].parameter.has_value());
    CHECK(answers[1].error == "CORS");
    CHECK(answers[1].body.empty());
    for (const char* bad : {"{}", "[1]", R"([{"status": 200}])", R"([{"source": "m"}])",
                            R"([{"source": "m", "status": "200"}])", R"([{"source": "m", "status": 200, "parameter": 5}])",
                            R"([{"source": "m", "status": 200, "body": {}}])", "[", ""}) {
        INFO(bad);
        CHECK(error_from([&] { parse_linked_data_answers(bad); }).kind == ErrorKind::input);
    }
    const Error error = error_from([] { parse_linked_data_answers(R"([{"source": "m", "status": 200}, {"source": "m"}])"); });
    CHECK(contains(error.message, "answers[1]"));
}

TEST_CASE("linked data: a parameterised source printed without its parameter is a clear error", "[webhook][linked-data]") {
    const char* config = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain",
      "body": "{{ linkedData.q }}{{ linkedData.m['a'] }}",
      "linkedData": [{"name": "q", "url": "https://api.example.com/q/{}"}, {"name": "m", "url": "https://api.example.com/m"}]})";
    const CompiledWebhook webhook = hook(config);
    // Discovery goes on past it (the parameterless source is still found) …
    CHECK(describe(webhook.linked_data_needed(context("{}"))) == std::vector<std::string>{"m|<none>|https://api.example.com/m"});
    // … and the real render says how to read it.
    const auto answers = std::vector<LinkedDataAnswer>{answer("m", std::nullopt, 200, R"({"a": 1})")};
    const Error error = error_from([&] { webhook.render(webhook.with_linked_data(context("{}"), answers)); });
    CHECK(error.kind == ErrorKind::render);
    CHECK(error.field == "body");
    CHECK(error.column == 4);
    CHECK(contains(error.message, "linkedData.q takes a parameter (its URL has {}): read linkedData.q[expression]"));
    // Subscripting a parameterless source reads into its answer (plain Jinja on the JSON).
    const char* indexed = R"({"url": "https://hooks.example.com/x", "contentType": "text/plain", "body": "{{ linkedData.m['a'] }}",
      "linkedData": [{"name": "m", "url": "https://api.example.com/m"}]})";
    CHECK(hook(indexed).render(hook(indexed).with_linked_data(context("{}"), answers)).body == "1");
}
