#include "crypto/base64.hpp"

#include <catch2/catch.hpp>

using hooksmith::crypto::base64_decode;
using hooksmith::crypto::base64_encode;

// RFC 4648 §10 test vectors.
TEST_CASE("base64: RFC 4648 vectors encode", "[base64]") {
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("f") == "Zg==");
    CHECK(base64_encode("fo") == "Zm8=");
    CHECK(base64_encode("foo") == "Zm9v");
    CHECK(base64_encode("foob") == "Zm9vYg==");
    CHECK(base64_encode("fooba") == "Zm9vYmE=");
    CHECK(base64_encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("base64: RFC 4648 vectors decode", "[base64]") {
    CHECK(base64_decode("") == std::string());
    CHECK(base64_decode("Zg==") == std::string("f"));
    CHECK(base64_decode("Zm8=") == std::string("fo"));
    CHECK(base64_decode("Zm9v") == std::string("foo"));
    CHECK(base64_decode("Zm9vYg==") == std::string("foob"));
    CHECK(base64_decode("Zm9vYmE=") == std::string("fooba"));
    CHECK(base64_decode("Zm9vYmFy") == std::string("foobar"));
}

TEST_CASE("base64: padding may be omitted", "[base64]") {
    CHECK(base64_decode("Zg") == std::string("f"));
    CHECK(base64_decode("Zm8") == std::string("fo"));
    CHECK(base64_decode("Zm9vYg") == std::string("foob"));
    CHECK(base64_decode("Zm9vYmE") == std::string("fooba"));
}

TEST_CASE("base64: the standard alphabet's + and / and all byte values", "[base64]") {
    CHECK(base64_encode("\xfb\xff\xbf") == "+/+/");
    CHECK(base64_decode("+/+/") == std::string("\xfb\xff\xbf"));
    std::string all_bytes;
    for (int i = 0; i < 256; ++i) all_bytes.push_back(char(i));
    for (std::size_t length = 0; length <= all_bytes.size(); length += 37) {
        const std::string bytes = all_bytes.substr(0, length);
        CHECK(base64_decode(base64_encode(bytes)) == bytes);
    }
    // "user:secret" as spec §3 shows it in a Basic header.
    CHECK(base64_encode("user:secret") == "dXNlcjpzZWNyZXQ=");
}

TEST_CASE("base64: invalid inputs are rejected", "[base64]") {
    CHECK_FALSE(base64_decode("Z"));           // one character cannot make a byte
    CHECK_FALSE(base64_decode("Zm9vY"));       // 4n+1 characters
    CHECK_FALSE(base64_decode("Zg="));         // padding that does not complete a group
    CHECK_FALSE(base64_decode("Zg==="));       // too much padding
    CHECK_FALSE(base64_decode("===="));
    CHECK_FALSE(base64_decode("="));
    CHECK_FALSE(base64_decode("Zg==Zg=="));    // padding in the middle
    CHECK_FALSE(base64_decode("Z=g="));
    CHECK_FALSE(base64_decode("Zm9v\n"));      // whitespace is not skipped
    CHECK_FALSE(base64_decode(" Zm9v"));
    CHECK_FALSE(base64_decode("Zm9v YmFy"));
    CHECK_FALSE(base64_decode("Zm9-"));        // URL-safe alphabet is not the standard one
    CHECK_FALSE(base64_decode("Zm9_"));
    CHECK_FALSE(base64_decode("Zm9v!"));
    CHECK_FALSE(base64_decode(std::string("Zm\0v", 4)));
    CHECK_FALSE(base64_decode("Zm\xc3\xa9v"));
}

TEST_CASE("base64: non-zero trailing bits are rejected (one text per byte string)", "[base64]") {
    CHECK(base64_decode("Zg==") == std::string("f"));
    CHECK_FALSE(base64_decode("Zh=="));
    CHECK_FALSE(base64_decode("Zm9="));
    CHECK_FALSE(base64_decode("Zh"));
}
