// The one value every layer consumes: the exact, unmasked request that goes on the wire.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hooksmith {

struct Request {
    std::string method;                                         // upper-case
    std::string url;                                            // WHATWG-serialized, no userinfo/fragment
    std::vector<std::pair<std::string, std::string>> headers;   // in the spec's order
    std::optional<std::string> body;                            // nullopt: no body
};

}  // namespace hooksmith
