#include "crypto/random.hpp"

#include <sys/random.h>

#include <cstdint>
#include <stdexcept>

namespace hooksmith::crypto {

namespace {

constexpr char url_safe_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string random_token(std::size_t length) {
    // Straight from the system's generator (getrandom on Linux, crypto.getRandomValues in Wasm):
    // a seeded std::mt19937_64 behind std::random_device cost the page 2.7 KB gzipped of
    // generator, seed_seq and system_error code, and its tokens were only as good as the seed.
    std::string token;
    token.reserve(length);
    unsigned char bytes[192];  // 256 characters a draw: getentropy gives at most 256 bytes
    std::size_t filled = 0, used = 0;
    std::uint32_t bits = 0;
    int available = 0;
    while (token.size() < length) {
        if (available < 6) {
            if (used == filled) {
                const std::size_t wanted = (length - token.size()) * 6 / 8 + 1;
                filled = wanted < sizeof bytes ? wanted : sizeof bytes;
                if (getentropy(bytes, filled) != 0) {
                    throw std::runtime_error("the system's random generator failed (getentropy)");
                }
                used = 0;
            }
            bits |= std::uint32_t(bytes[used++]) << available;
            available += 8;
        }
        // 64 characters: 6 bits each, no modulo bias.
        token.push_back(url_safe_alphabet[bits & 63]);
        bits >>= 6;
        available -= 6;
    }
    return token;
}

}  // namespace hooksmith::crypto
