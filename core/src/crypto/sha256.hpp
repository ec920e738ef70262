// SHA-256 (FIPS 180-4): the digest behind HMAC-SHA256 webhook signatures.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace hooksmith::crypto {

std::array<std::uint8_t, 32> sha256(std::string_view data);

}  // namespace hooksmith::crypto
