#include "webhook/signing.hpp"

#include "hooksmith/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using hooksmith::Error;
using hooksmith::ErrorKind;
using hooksmith::detail::parse_signing_secret;
using hooksmith::detail::random_message_id;
using hooksmith::detail::standard_webhooks_signature;

namespace {

// Parses `secret`, expecting a config error on signing.secret whose text does not echo it.
void require_rejected(const std::string& secret, const std::string& expected_words) {
    INFO("secret: " << secret);
    try {
        parse_signing_secret(secret);
        FAIL("accepted");
    } catch (const Error& error) {
        CHECK(error.kind == ErrorKind::config);
        CHECK(error.field == "signing.secret");
        CHECK(error.line == 0);
        CHECK(error.message.find(expected_words) != std::string::npos);
        const std::string after_prefix = secret.size() > 6 ? secret.substr(6) : "";
        const std::string what = error.what();
        for (const std::string* text : {&error.message, &what}) {
            if (!after_prefix.empty()) CHECK(text->find(after_prefix) == std::string::npos);
            // No 4-character run of the secret's material shows up either.
            for (std::size_t i = 0; i + 4 <= after_prefix.size(); ++i) {
                CHECK(text->find(after_prefix.substr(i, 4)) == std::string::npos);
            }
        }
    }
}

}  // namespace

TEST_CASE("signing: Standard Webhooks published vector (spec §3.6)", "[signing]") {
    const auto key = parse_signing_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    CHECK(key.secret_bytes.size() == 24);
    CHECK(standard_webhooks_signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}") ==
          "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST_CASE("signing: id, timestamp and every body byte are signed", "[signing]") {
    const auto key = parse_signing_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    const std::string reference =
        standard_webhooks_signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
    CHECK(standard_webhooks_signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJel", 1614265330, "{\"test\": 2432232314}") != reference);
    CHECK(standard_webhooks_signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, "{\"test\": 2432232314}") != reference);
    CHECK(standard_webhooks_signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\":2432232314}") != reference);
    const auto other_key = parse_signing_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx");
    CHECK(standard_webhooks_signature(other_key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}") != reference);
}

TEST_CASE("signing: the signature has the v1, prefix and 44 base64 characters", "[signing]") {
    const auto key = parse_signing_secret("whsec_c2VjcmV0");  // "secret"
    CHECK(key.secret_bytes == "secret");
    const std::string signature = standard_webhooks_signature(key, "msg_1", 0, "");
    CHECK(signature.substr(0, 3) == "v1,");
    CHECK(signature.size() == 3 + 44);
    CHECK(signature.back() == '=');
}

TEST_CASE("signing: unpadded base64 after whsec_ is accepted", "[signing]") {
    CHECK(parse_signing_secret("whsec_c2VjcmV0cw").secret_bytes == "secrets");
    CHECK(parse_signing_secret("whsec_c2VjcmV0cw==").secret_bytes == "secrets");
}

TEST_CASE("signing: bad secrets are config errors that never echo the secret", "[signing]") {
    require_rejected("", "empty");
    require_rejected("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_");      // missing prefix
    require_rejected("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_");  // prefix is case-sensitive
    require_rejected("whsec", "whsec_");
    require_rejected("whsec_", "nothing after whsec_");
    require_rejected("whsec_MfKQ9r8GKYqr$wjUPD8ILPZIo2LaLaSw", "not valid base64");
    require_rejected("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "not valid base64");  // truncated: the last character leaves non-zero bits
    require_rejected("whsec_MfKQ-r8GKYqrTwjUPD8ILPZIo2LaLaSw", "not valid base64");  // URL-safe alphabet
    require_rejected("whsec_MfKQ9r8G KYqrTwjUPD8ILPZIo2LaLaSw", "not valid base64");
    require_rejected("whsec_====", "not valid base64");
}

TEST_CASE("signing: random message ids are msg_ + 24 URL-safe characters, all distinct", "[signing]") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = random_message_id();
        REQUIRE(id.size() == 4 + 24);
        CHECK(id.substr(0, 4) == "msg_");
        CHECK(std::all_of(id.begin() + 4, id.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                   c == '_';
        }));
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
}
