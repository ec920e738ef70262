// What a browser's fetch() will do with a rendered request: simple, preflighted or blocked (spec §7).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/request.hpp"

namespace hooksmith {

struct CorsAnalysis {
    // "same-origin" (no CORS at all), "simple" (no preflight), "preflight" (an OPTIONS request
    // first) or "blocked" (the browser will not send it as configured).
    std::string mode;
    // One sentence each: why it is preflighted or blocked ("method PUT", "Authorization header",
    // "custom header X-Campaign", "Content-Type application/json is not a CORS-safelisted type", …).
    std::vector<std::string> reasons;
    // What the receiver must answer, e.g. "Access-Control-Allow-Origin: https://app.example.com",
    // "Access-Control-Allow-Methods: PUT", "Access-Control-Allow-Headers: authorization, content-type".
    std::vector<std::string> required_response_headers;
    // Consequences worth knowing (Retry-After readable only if exposed, opaque delivery, …).
    std::vector<std::string> notes;
};

// `page_origin` is the origin (or any URL) of the page that calls fetch: "https://app.example.com";
// "null" for an opaque origin; "" when unknown (cross-origin assumed, mixed content not checked).
// Throws Error{config} when request.url or page_origin is not an http(s) URL.
CorsAnalysis analyze_cors(const Request& request, std::string_view page_origin);

}  // namespace hooksmith
