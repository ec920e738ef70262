#include "webhook/signing.hpp"

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "hooksmith/error.hpp"

namespace hooksmith::detail {

namespace {

constexpr std::string_view secret_prefix = "whsec_";

// Messages describe what is wrong in general terms only: a secret must never reach logs or UIs.
[[noreturn]] void reject_secret(const char* message) {
    Error error(ErrorKind::config, message);
    error.field = "signing.secret";
    throw error;
}

}  // namespace

SigningKey parse_signing_secret(std::string_view whsec_secret) {
    if (whsec_secret.empty()) reject_secret("the signing secret is empty; expected whsec_ followed by base64");
    if (whsec_secret.substr(0, secret_prefix.size()) != secret_prefix) {
        reject_secret("the signing secret must start with whsec_ followed by base64");
    }
    const std::string_view encoded = whsec_secret.substr(secret_prefix.size());
    if (encoded.empty()) reject_secret("the signing secret has nothing after whsec_; expected base64");
    auto decoded = crypto::base64_decode(encoded);
    if (!decoded) reject_secret("the signing secret after whsec_ is not valid base64 (standard alphabet A-Z a-z 0-9 + /)");
    if (decoded->empty()) reject_secret("the signing secret decodes to no bytes");
    return SigningKey{std::move(*decoded)};
}

std::string standard_webhooks_signature(const SigningKey& key, std::string_view id,
                                        std::int64_t timestamp_seconds, std::string_view body) {
    std::string signed_content;
    signed_content.reserve(id.size() + body.size() + 24);
    signed_content.append(id.data(), id.size());
    signed_content.push_back('.');
    signed_content += std::to_string(timestamp_seconds);
    signed_content.push_back('.');
    signed_content.append(body.data(), body.size());
    const auto mac = crypto::hmac_sha256(key.secret_bytes, signed_content);
    return "v1," + crypto::base64_encode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

std::string random_message_id() { return "msg_" + crypto::random_token(24); }

}  // namespace hooksmith::detail
