// detail::JsonDocument (configs, retry policies, typed values, answers) against nlohmann's
// ordered_json, the code it replaced. The input is one JSON text.
// Properties: parse() accepts exactly what ordered_json::parse accepts, and throws the same
// exception (type, what(), byte) otherwise; accepted texts dump() identically, compact and
// pretty; the syntax check reports the position and message nlohmann's SAX parser reported.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "webhook/json_document.hpp"

using hooksmith::detail::JsonDocument;

namespace {

// What parsing produced or threw, as one comparable string. Dumps recurse once per level (in
// both), so only shallow values are dumped.
template <typename Parse>
std::string outcome(Parse&& parse) {
    try {
        return "ok " + parse();
    } catch (const nlohmann::detail::parse_error& error) {
        return "parse_error " + std::to_string(error.byte) + " " + error.what();
    } catch (const nlohmann::detail::out_of_range& error) {
        return "out_of_range " + std::string(error.what());
    }
}

struct SaxCheck : nlohmann::json_sax<nlohmann::ordered_json> {
    std::size_t position = 0;
    std::string what;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& failure) override {
        position = at;
        what = failure.what();
        return false;
    }
};

bool shallow(std::string_view text) {
    int open = 0;
    for (const char c : text) open += c == '[' || c == '{';
    return open <= 200;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool dump = shallow(text);
    const std::string ours = outcome([&] {
        const JsonDocument document = JsonDocument::parse(text);
        return dump ? document.dump() + "\n" + document.dump(2) : std::string();
    });
    const std::string theirs = outcome([&] {
        const auto value = nlohmann::ordered_json::parse(text.begin(), text.end());
        return dump ? value.dump() + "\n" + value.dump(2) : std::string();
    });
    if (ours != theirs) std::fprintf(stderr, "ours:   %s\ntheirs: %s\n", ours.c_str(), theirs.c_str());
    FUZZ_CHECK(ours == theirs);

    SaxCheck check;
    const bool valid = nlohmann::ordered_json::sax_parse(text.data(), text.data() + text.size(), &check);
    const auto error = JsonDocument::syntax_error(text);
    FUZZ_CHECK(valid == !error);
    if (error) {
        FUZZ_CHECK(error->position == check.position);
        FUZZ_CHECK(error->what == check.what);
    }
    return 0;
}
