#include "crypto/hmac.hpp"
#include "hex.hpp"

#include <catch2/catch.hpp>

using hooksmith::crypto::hmac_sha256;
using hooksmith::test::repeated;
using hooksmith::test::to_hex;

// RFC 4231 §4, HMAC-SHA-256 results.
TEST_CASE("hmac_sha256: RFC 4231 test case 1", "[hmac]") {
    CHECK(to_hex(hmac_sha256(repeated('\x0b', 20), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST_CASE("hmac_sha256: RFC 4231 test case 2 (key shorter than the output)", "[hmac]") {
    CHECK(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("hmac_sha256: RFC 4231 test case 3 (50 bytes of 0xdd)", "[hmac]") {
    CHECK(to_hex(hmac_sha256(repeated('\xaa', 20), repeated('\xdd', 50))) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

TEST_CASE("hmac_sha256: RFC 4231 test case 4 (25-byte key 0x01..0x19)", "[hmac]") {
    std::string key;
    for (int i = 1; i <= 25; ++i) key.push_back(char(i));
    CHECK(to_hex(hmac_sha256(key, repeated('\xcd', 50))) ==
          "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

TEST_CASE("hmac_sha256: RFC 4231 test case 5 (output truncated to 128 bits)", "[hmac]") {
    CHECK(to_hex(hmac_sha256(repeated('\x0c', 20), "Test With Truncation")).substr(0, 32) ==
          "a3b6167473100ee06e0c796c2955552b");
}

TEST_CASE("hmac_sha256: RFC 4231 test case 6 (131-byte key is hashed first)", "[hmac]") {
    CHECK(to_hex(hmac_sha256(repeated('\xaa', 131), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("hmac_sha256: RFC 4231 test case 7 (131-byte key, data longer than a block)", "[hmac]") {
    CHECK(to_hex(hmac_sha256(repeated('\xaa', 131),
                             "This is a test using a larger than block-size key and a larger than block-size "
                             "data. The key needs to be hashed before being used by the HMAC algorithm.")) ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("hmac_sha256: a 64-byte key is used as is, a 65-byte key is hashed", "[hmac]") {
    // Values from Python's hmac module.
    CHECK(to_hex(hmac_sha256(repeated('k', 64), "message")) == "890f3a16e0ca0aaa3bf180f70fa8e3970b3fd6505e98fde157988dcc19d1685c");
    CHECK(to_hex(hmac_sha256(repeated('k', 65), "message")) == "0c256505306af48015530c139bb7add5ad7a6a9291cd511278a067e765816fbd");
}
