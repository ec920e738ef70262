// A configured HTTP header: shared by the webhook config and its linked data sources.
#pragma once

#include <string>

namespace hooksmith {

struct HeaderField {
    std::string name;   // HTTP token, unique case-insensitively
    std::string value;  // template (webhook headers) or literal (linked data sources)
};

}  // namespace hooksmith
