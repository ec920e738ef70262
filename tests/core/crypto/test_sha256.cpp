#include "crypto/sha256.hpp"
#include "hex.hpp"

#include <catch2/catch.hpp>

using hooksmith::crypto::sha256;
using hooksmith::test::to_hex;

// FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf", "SHA256ShortMsg"/"LongMsg").
TEST_CASE("sha256: NIST vector, empty message", "[sha256]") {
    CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha256: NIST vector, \"abc\" (one block)", "[sha256]") {
    CHECK(to_hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256: NIST vector, 448-bit message (padding spills into a second block)", "[sha256]") {
    CHECK(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256: NIST vector, 896-bit message", "[sha256]") {
    CHECK(to_hex(sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")) ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("sha256: NIST vector, one million 'a'", "[sha256]") {
    CHECK(to_hex(sha256(std::string(1000000, 'a'))) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: every padding boundary around 55/56/64 bytes", "[sha256]") {
    // Prefixes of "0123456789" repeated; digests from Python's hashlib (OpenSSL).
    struct Vector {
        std::size_t length;
        const char* digest;
    };
    const Vector vectors[] = {
        {1, "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9"},
        {55, "f34d5a0f80c0cbf84c8c0b90218c22637abd199965249da736a20143c8c9c9d9"},
        {56, "83aa034bda83e458a0dc9cbce0d4e354716aa0ff770ed37ac0ed2b292052e4af"},
        {57, "2f599f9dd7fac80e26892a008adcf28c0c9aaa11cf3df4ceacd07d0f1aef4c76"},
        {63, "074f6e9ac301d5d1b6df6f1dfb8c6f89c187ea945d352ce6a29279a9c630680b"},
        {64, "9674d9e078535b7cec43284387a6ee39956188e735a85452b0050b55341cda56"},
        {65, "52774b57c10e45040a61c14d35c1c8ebefe880082313aa0a21ebb077734cd067"},
        {111, "46a3cf0507c7e80ce8256a663424e07a584a9487dae62168f719f89a9781b6a4"},
        {119, "d0cb70d05ff14123f114c0cca360c62077379cf1ac90e1bfafa9e9e4d827596a"},
        {120, "08642f0525963875af954100280fe3009293fa7e19c273444f31464c9b089243"},
        {127, "8e1814fdcfd56f26b96bcdba97754ab886dcb95373419b94a341a17d2634775e"},
        {128, "916e19992e7f9b1e8d9267c3324616dac8f4199419c6e4ebf68fda985f4b64ea"},
        {129, "5fd5d92c21a0c695de143dcca8e43b297c7afe9610c7b78f28fbc5e3587fc6a9"},
    };
    std::string digits;
    for (int i = 0; i < 20; ++i) digits += "0123456789";
    for (const auto& vector : vectors) {
        INFO("length " << vector.length);
        CHECK(to_hex(sha256(std::string_view(digits).substr(0, vector.length))) == vector.digest);
    }
}

TEST_CASE("sha256: bytes above 0x7F and NUL are hashed as bytes", "[sha256]") {
    // SHA-256 of the 3 bytes 00 80 ff (hashlib).
    CHECK(to_hex(sha256(std::string("\x00\x80\xff", 3))) ==
          "5240672d7b51756b829ad0ef8d9468b7a078afa2f410484fd3892dab47becb72");
}
