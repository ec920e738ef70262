#include "crypto/random.hpp"

#include <mutex>
#include <random>

namespace hooksmith::crypto {

namespace {

constexpr char url_safe_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// One generator per process, seeded from several random_device draws: a 64-bit Mersenne Twister
// has far more state than one 32-bit seed, and a single draw would make collisions between runs
// (and, with a poor random_device, between tokens) far likelier.
std::mt19937_64& generator() {
    static std::mt19937_64 engine = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    return engine;
}

std::mutex& generator_mutex() {
    static std::mutex mutex;
    return mutex;
}

}  // namespace

std::string random_token(std::size_t length) {
    std::string token;
    token.reserve(length);
    const std::lock_guard<std::mutex> lock(generator_mutex());
    auto& engine = generator();
    // 64 characters: 6 bits per character, no modulo bias. A 64-bit draw yields 10 characters.
    std::uint64_t bits = 0;
    int available = 0;
    for (std::size_t i = 0; i < length; ++i) {
        if (available < 6) {
            bits = engine();
            available = 64;
        }
        token.push_back(url_safe_alphabet[bits & 63]);
        bits >>= 6;
        available -= 6;
    }
    return token;
}

}  // namespace hooksmith::crypto
