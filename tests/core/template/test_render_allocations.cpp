// Issue 3: rendering compiled templates allocates nothing beyond the output's growth. Counts every
// operator new of this test program while the benchmark webhook's 9 templates render.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/template.hpp"
#include "support/test_support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define HOOKSMITH_COUNTS_ALLOCATIONS 0  // the sanitizer owns operator new
#else
#define HOOKSMITH_COUNTS_ALLOCATIONS 1
namespace {
std::atomic<long> allocations{0};
}
void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

using hooksmith::Context;
using hooksmith::MissingPolicy;
using hooksmith::RenderOptions;
using hooksmith::Template;

namespace {

std::vector<Template> workload_templates() {
    auto config = nlohmann::json::parse(hooksmith::testing::read_source_file("bench/workload.json"));
    std::vector<Template> templates{Template::compile(config["url"].get<std::string>())};
    for (const auto& field : config["data"]) templates.push_back(Template::compile(field["value"].get<std::string>()));
    return templates;
}

// The issue-8 context for user i (bench/make_contexts.mjs): "Last name" absent when i % 3 == 0.
std::string workload_context(int i) {
    std::string last_name = i % 3 == 0 ? "" : R"("Last name":"Doe",)";
    return R"({"userId":"user-)" + std::to_string(i) + R"(","numPriorSessions":)" + std::to_string(i % 50) +
           R"(,"parameter":{"item":"red shoes #)" + std::to_string(i) + R"(","price":19.99,"qty":)" +
           std::to_string(i % 5 + 1) + R"(,"products":[{"sku":"A1"},{"sku":"B2"},{"sku":"C3"}]},"userAttribute":)" +
           R"({"First name":"mary",)" + last_name + R"("vip":)" + (i % 2 == 0 ? "true" : "false") +
           R"(,"country":"US","tags":["a","b","c"],"email":"  Mary.Doe@Example.com "}})";
}

}  // namespace

TEST_CASE("engine render: the benchmark templates render without allocating", "[engine][render][allocation]") {
    if (!HOOKSMITH_COUNTS_ALLOCATIONS) SUCCEED("not counted under the address sanitizer");
    std::vector<Template> templates = workload_templates();
    REQUIRE(templates.size() == 9);
    std::vector<Context> contexts;
    for (int i = 0; i < 12; ++i) contexts.push_back(Context::from_json_text(workload_context(i)));
    RenderOptions options;
    options.missing = MissingPolicy::jinja;
    std::string out;
    out.reserve(4096);
    std::vector<std::size_t> sizes;
    auto render_all = [&] {
        sizes.clear();
        sizes.reserve(contexts.size() * templates.size());
        for (const Context& context : contexts) {
            for (const Template& t : templates) {
                out.clear();
                t.render_to(out, context, options);
                sizes.push_back(out.size());
            }
        }
    };
    render_all();  // the first renders fill the per-thread caches
#if HOOKSMITH_COUNTS_ALLOCATIONS
    long before = allocations.load();
    render_all();
    long after = allocations.load();
    CHECK(after - before == 0);
#endif
    // The renders did real work: e.g. user 1's email and items.
    out.clear();
    templates[7].render_to(out, contexts[1], options);
    CHECK(out == "mary.doe@example.com");
    out.clear();
    templates[6].render_to(out, contexts[1], options);
    CHECK(out == "1:A1;2:B2;3:C3");
}

TEST_CASE("engine render: a loop object kept past its loop is not reused", "[engine][render][allocation]") {
    // A later loop at the same depth must get a fresh loop object when the old one escaped into
    // a namespace: what ns.l says cannot depend on loops that ran after it was stored.
    const std::string keep = "{% set ns = namespace(l=none) %}{% for x in [1, 2] %}{% set ns.l = loop %}{% endfor %}";
    Template alone = Template::compile(keep + "{{ ns.l.index }}/{{ ns.l.first }}");
    Template followed = Template::compile(keep + "{% for y in 'abcd' %}{% endfor %}{{ ns.l.index }}/{{ ns.l.first }}");
    RenderOptions options;
    options.missing = MissingPolicy::jinja;
    std::string expected = alone.render(Context(), options);
    REQUIRE_FALSE(expected.empty());  // Jinja2's own answer is the conformance case loop_escaped_namespace
    for (int i = 0; i < 3; ++i) CHECK(followed.render(Context(), options) == expected);
}
