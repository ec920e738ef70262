// Standard Webhooks v1 signing (spec §3.6): secret parsing, signatures, message ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hooksmith::detail {

struct SigningKey {
    std::string secret_bytes;  // decoded bytes of the base64 after "whsec_"
};

// Accepts "whsec_" + non-empty valid base64. Throws Error{config} with field "signing.secret";
// the message never contains the secret (nor any part of it).
SigningKey parse_signing_secret(std::string_view whsec_secret);

// "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)).
std::string standard_webhooks_signature(const SigningKey& key, std::string_view id,
                                        std::int64_t timestamp_seconds, std::string_view body);

// "msg_" + 24 URL-safe random characters.
std::string random_message_id();

}  // namespace hooksmith::detail
