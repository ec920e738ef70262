// Secrets (issue 9): URL passwords, Basic credentials and signing secrets never appear in error
// messages or in exports (to_curl, to_http, config_json, masked requests) unless reveal is asked.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crypto/base64.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/webhook.hpp"

using namespace hooksmith;

namespace {

const std::string password = "Pw-s3cr3t-XYZ";
const std::string secret_base64 = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const std::string signing_secret = "whsec_" + secret_base64;
const std::string basic_credentials = crypto::base64_encode("user:" + password);

std::string quoted(const std::string& text) { return nlohmann::json(text).dump(); }

bool leaks(const std::string& text) {
    return text.find(password) != std::string::npos || text.find(secret_base64) != std::string::npos ||
           text.find(basic_credentials) != std::string::npos;
}

std::string secret_config(const std::string& url_tail = "users/{{ userId }}") {
    return R"({"url": "https://user:)" + password + "@api.example.com/" + url_tail +
           R"(", "data": [{"key": "id", "value": "{{ userId }}"}],
              "signing": {"scheme": "standard-webhooks", "secret": ")" + signing_secret + R"("}})";
}

Error error_of(const std::string& config, const std::string& context = R"({"userId": "42"})") {
    try {
        RenderInput input;
        input.timestamp_seconds = 1614265330;
        CompiledWebhook::compile(config).render(Context::from_json_text(context), input);
    } catch (const Error& error) {
        return error;
    }
    FAIL("expected a hooksmith::Error for " << config);
    return Error(ErrorKind::input, "unreachable");
}

}  // namespace

TEST_CASE("secrets: exports mask the password, the Basic credentials and the signing secret",
          "[hostile][secrets]") {
    const CompiledWebhook webhook = CompiledWebhook::compile(secret_config());
    RenderInput input;
    input.id = "msg_1";
    input.timestamp_seconds = 1614265330;
    const Request request = webhook.render(Context::from_json_text(R"({"userId": "42"})"), input);

    // The request itself is exact: the Authorization header carries the real credentials.
    REQUIRE(request.headers.size() >= 2);
    CHECK(request.headers[1].second == "Basic " + basic_credentials);
    CHECK(request.url.find(password) == std::string::npos);  // userinfo never stays in the URL

    CHECK_FALSE(leaks(to_curl(request)));
    CHECK_FALSE(leaks(to_http(request)));
    CHECK_FALSE(leaks(request_to_json(masked(request)).dump()));
    CHECK_FALSE(leaks(webhook.config_json()));
    CHECK_FALSE(leaks(webhook.config_json(false, 2)));
    CHECK_FALSE(leaks(config_to_json_text(webhook.config())));

    // reveal shows them (so the masking above is not vacuous).
    CHECK(to_curl(request, true).find(basic_credentials) != std::string::npos);
    CHECK(to_http(request, true).find(basic_credentials) != std::string::npos);
    CHECK(webhook.config_json(true).find(password) != std::string::npos);
    CHECK(webhook.config_json(true).find(secret_base64) != std::string::npos);
}

TEST_CASE("secrets: error messages never quote a password or a signing secret", "[hostile][secrets]") {
    std::vector<Error> errors;
    // URL errors quote the URL, with the password masked.
    errors.push_back(error_of(R"({"url": "https://user:)" + password + R"(@api.example.com:99999/"})"));
    errors.push_back(error_of(R"({"url": "{{ u }}"})",
                              R"({"u": "javascript://user:)" + password + R"(@x.test/"})"));
    errors.push_back(error_of(R"({"url": "{{ u }}"})",
                              R"({"u": "https://user:)" + password + R"(@é.test/"})"));
    errors.push_back(error_of(R"({"url": "https://user:)" + password + R"(@/"})"));
    // Template errors in a URL that holds a password.
    errors.push_back(error_of(R"({"url": "https://user:)" + password + R"(@x.test/{{ "})"));
    errors.push_back(error_of(R"({"url": "https://user:)" + password + R"(@x.test/{{ 1/0 }}"})"));
    errors.push_back(error_of(R"({"url": "https://user:)" + password + R"(@x.test/{{ nope }}"})"));
    // An Authorization header next to URL credentials.
    errors.push_back(error_of(R"({"url": "https://user:)" + password +
                              R"(@x.test/", "headers": [{"name": "Authorization", "value": "Bearer t"}]})"));
    // Bad signing secrets.
    errors.push_back(error_of(R"({"url": "https://x.test/", "signing": {"secret": "whsec_)" + password + R"(!"}})"));
    errors.push_back(error_of(R"({"url": "https://x.test/", "signing": {"secret": ")" + secret_base64 + R"("}})"));
    errors.push_back(error_of(R"({"url": "https://x.test/", "signing": {"secret": "whsec_)" + secret_base64 +
                              R"(=="}})"));
    errors.push_back(error_of(R"({"url": "https://x.test/", "signing": {"secret": "whsec_)" + secret_base64 +
                              R"(", "bogus": 1}})"));
    // Bad JSON right after a secret: nlohmann's "last read" echo must not reach the message.
    errors.push_back(error_of(R"({"url": "https://user:)" + password + R"(@x.test/", )"));
    errors.push_back(error_of(R"({"url": "https://x.test/", "signing": {"secret": ")" + signing_secret));
    errors.push_back(error_of(R"({"url": "https://x.test/", "signing": {"secret": ")" + signing_secret + "\x01\"}}"));
    // A signed webhook rendered without a timestamp.
    try {
        CompiledWebhook::compile(secret_config()).render(Context::from_json_text(R"({"userId": "1"})"));
        FAIL("a signed webhook needs a timestamp");
    } catch (const Error& error) {
        errors.push_back(error);
    }
    for (const Error& error : errors) {
        INFO(to_string(error.kind) << " [" << error.field << "]: " << error.message);
        CHECK_FALSE(leaks(error.message));
        CHECK_FALSE(leaks(error.what()));
        CHECK_FALSE(leaks(error.field));
        CHECK_FALSE(leaks(error.variable));
    }
}
