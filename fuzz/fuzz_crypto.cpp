// base64 (RFC 4648) and SHA-256/HMAC-SHA256 (core/src/crypto).
// Properties: decode(encode(x)) == x; a decoded text is the canonical encoding, padding optional;
// with OpenSSL available, SHA-256 and HMAC-SHA256 equal OpenSSL's for key/message split at the
// first byte's value.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"
#include "crypto/sha256.hpp"
#include "fuzz_check.hpp"

#ifdef HOOKSMITH_FUZZ_OPENSSL
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#endif

using namespace hooksmith;

namespace {

std::string without_padding(std::string text) {
    while (!text.empty() && text.back() == '=') text.pop_back();
    return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);

    const std::string encoded = crypto::base64_encode(bytes);
    FUZZ_CHECK(encoded.size() == (size + 2) / 3 * 4);
    const auto round_trip = crypto::base64_decode(encoded);
    FUZZ_CHECK(round_trip.has_value() && *round_trip == bytes);
    FUZZ_CHECK(crypto::base64_decode(without_padding(encoded)) == round_trip);

    if (const auto decoded = crypto::base64_decode(bytes)) {
        const std::string canonical = crypto::base64_encode(*decoded);
        FUZZ_CHECK(canonical == bytes || without_padding(canonical) == bytes);
    }

    const std::size_t split = size == 0 ? 0 : std::min<std::size_t>(data[0], size - 1) + 1;
    const std::string_view key(bytes.data(), std::min(split, size));
    const std::string_view message(bytes.data() + key.size(), size - key.size());
    const auto digest = crypto::sha256(bytes);
    const auto mac = crypto::hmac_sha256(key, message);
#ifdef HOOKSMITH_FUZZ_OPENSSL
    std::array<unsigned char, 32> expected_digest{};
    SHA256(data, size, expected_digest.data());
    FUZZ_CHECK(std::memcmp(expected_digest.data(), digest.data(), 32) == 0);
    std::array<unsigned char, 32> expected_mac{};
    unsigned int mac_length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
         expected_mac.data(), &mac_length);
    FUZZ_CHECK(mac_length == 32 && std::memcmp(expected_mac.data(), mac.data(), 32) == 0);
#else
    (void)digest;
    (void)mac;
#endif
    return 0;
}
