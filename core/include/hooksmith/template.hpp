// Leanplum's Jinja dialect: compile a template once, render it many times.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hooksmith/error.hpp"

namespace hooksmith {

class Value;

// What happens when a printed value is undefined or none (webhook.md §2 `missing`).
enum class MissingPolicy { suppress, jinja };

// Safety limits; exceeding one throws Error{ErrorKind::limit}.
struct Limits {
    std::size_t max_template_bytes = 1u << 20;
    int max_nesting_depth = 200;
    std::size_t max_output_bytes = 1u << 20;
    std::uint64_t max_loop_iterations = 100000;
    int max_macro_depth = 100;
    std::size_t max_range_length = 100000;
};

// A user context: the JSON object templates read. Keeps object key order, int vs float,
// last-wins duplicate keys; nesting deeper than 512 is a `limit` error, bad JSON an `input` error.
class Context {
public:
    Context();  // empty object
    static Context from_json_text(std::string_view json_text);
    const Value& root() const;

    // Adds or replaces a top-level key (used by the webhook layer, e.g. for linked data).
    void set(std::string_view key, const Value& value);

private:
    std::shared_ptr<Value> root_;
};

struct RenderOptions {
    MissingPolicy missing = MissingPolicy::suppress;
};

namespace detail {
struct Program;
class RenderSession;  // the webhook layer's: one evaluator for the templates of a render
}  // namespace detail

class Template {
public:
    // Throws Error{syntax} (with line/column) or Error{limit}.
    static Template compile(std::string_view source, const Limits& limits = {});

    // Appends the output to `out` (reusable buffer). Throws Error{render|missing|limit}.
    void render_to(std::string& out, const Context& context,
                   const RenderOptions& options = {}) const;
    std::string render(const Context& context, const RenderOptions& options = {}) const;

    // Context variable paths the template reads, in first-use order, written as in a template
    // (`userId`, `userAttribute['First name']`, `parameter.item`). Loop/set/macro locals excluded.
    const std::vector<std::string>& variables() const;

    const std::string& source() const;

private:
    friend class detail::RenderSession;
    std::shared_ptr<const detail::Program> program_;
};

}  // namespace hooksmith
