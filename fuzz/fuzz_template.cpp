// Template compile + render under both missing policies, with a small fixed Leanplum-like context.
// Properties: only hooksmith::Error escapes, with the kinds the spec allows at each stage; the
// output respects max_output_bytes; ASan/UBSan stay silent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "hooksmith/template.hpp"

using namespace hooksmith;

namespace {

const char* const kContextJson = R"({
  "userId": "u-42", "deviceId": "d1", "messageId": 5724036847910912,
  "userAttribute": {"First name": "Mary", "country": "US", "age": 37, "vip": true,
                    "tags": ["a", "b", "c"], "score": 2.5, "nothing": null},
  "parameter": {"price": 19.99, "qty": 2, "source": "spring sale/é",
                "items": [{"sku": "A1", "n": 1}, {"sku": "B2", "n": 3}]},
  "firstOccurrenceOf": {"Purchase": "2024-01-31T10:20:30Z"},
  "lastActive": 1706700000000, "linkedData": {"crm": {"tier": "gold"}}
})";

const Context& fixed_context() {
    static const Context context = Context::from_json_text(kContextJson);
    return context;
}

// Small enough that one input cannot spend seconds, large enough to reach every limit check.
Limits fuzz_limits() {
    Limits limits;
    limits.max_output_bytes = 64 * 1024;
    limits.max_loop_iterations = 20000;
    limits.max_range_length = 20000;
    return limits;
}

void check_error(const Error& error) {
    FUZZ_CHECK(!error.message.empty());
    FUZZ_CHECK(error.line >= 0 && error.column >= 0);
}

void render_with(const Template& compiled, MissingPolicy policy, const Limits& limits) {
    std::string out;
    try {
        compiled.render_to(out, fixed_context(), RenderOptions{policy});
        FUZZ_CHECK(out.size() <= limits.max_output_bytes);
    } catch (const Error& error) {
        check_error(error);
        FUZZ_CHECK(error.kind == ErrorKind::render || error.kind == ErrorKind::limit ||
                   (error.kind == ErrorKind::missing && policy == MissingPolicy::suppress));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    const Limits limits = fuzz_limits();
    try {
        const Template compiled = Template::compile(source, limits);
        (void)compiled.variables();
        render_with(compiled, MissingPolicy::suppress, limits);
        render_with(compiled, MissingPolicy::jinja, limits);
    } catch (const Error& error) {
        check_error(error);
        FUZZ_CHECK(error.kind == ErrorKind::syntax || error.kind == ErrorKind::limit);
    }
    return 0;
}
