#include "crypto/hmac.hpp"

#include "crypto/sha256.hpp"

#include <string>

namespace hooksmith::crypto {

std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message) {
    constexpr std::size_t block_size = 64;

    // Keys longer than a block are hashed first (RFC 2104 §2); shorter ones are zero-padded.
    std::string block_key(block_size, '\0');
    if (key.size() > block_size) {
        const auto hashed = sha256(key);
        for (std::size_t i = 0; i < hashed.size(); ++i) block_key[i] = char(hashed[i]);
    } else {
        for (std::size_t i = 0; i < key.size(); ++i) block_key[i] = key[i];
    }

    std::string inner;
    inner.reserve(block_size + message.size());
    for (char c : block_key) inner.push_back(char(std::uint8_t(c) ^ 0x36));
    inner.append(message.data(), message.size());
    const auto inner_digest = sha256(inner);

    std::string outer;
    outer.reserve(block_size + inner_digest.size());
    for (char c : block_key) outer.push_back(char(std::uint8_t(c) ^ 0x5c));
    for (std::uint8_t b : inner_digest) outer.push_back(char(b));
    return sha256(outer);
}

}  // namespace hooksmith::crypto
