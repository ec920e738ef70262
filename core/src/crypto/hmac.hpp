// HMAC-SHA256 (RFC 2104): the MAC of Standard Webhooks signatures.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace hooksmith::crypto {

std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message);

}  // namespace hooksmith::crypto
