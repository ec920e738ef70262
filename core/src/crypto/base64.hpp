// Base64 with the standard alphabet (RFC 4648 §4): Basic auth, signing secrets and signatures.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hooksmith::crypto {

// Standard alphabet, always padded with '='.
std::string base64_encode(std::string_view bytes);

// Standard alphabet; padding may be omitted, but when present it must be correct. Returns nullopt
// for any other character (whitespace included), a length that cannot be base64, or non-zero
// trailing bits (so each byte string has exactly one accepted text).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace hooksmith::crypto
