// `linkedData` inside a render: an engine object that serves declared sources from the answers,
// lets data the context supplies win, and either records reads (discovery) or fails with a
// clear `missing` error (the real render).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hooksmith/error.hpp"
#include "hooksmith/linked_data.hpp"
#include "hooksmith/value.hpp"
#include "template/objects.hpp"

namespace hooksmith::detail {

using LinkedDataKey = std::pair<std::string, std::optional<std::string>>;  // (source, parameter)

// One answer as a render sees it: the parsed JSON, or why there is none.
struct LinkedDataEntry {
    bool ok = false;
    Value value;                              // ok: the parsed body
    ErrorKind failure_kind = ErrorKind::missing;
    std::string failure;                      // !ok: "HTTP 404", "no response (timeout …)", …
};

struct LinkedDataState {
    enum class Mode { render, discover };
    Mode mode = Mode::render;
    std::vector<LinkedDataSource> sources;
    Value supplied;                           // the context's own linkedData object (wins), or none
    std::map<LinkedDataKey, LinkedDataEntry> answers;
    std::vector<LinkedDataKey> reads;         // discovery: declared reads in first-read order
};

// The root `linkedData` object.
class LinkedDataRoot final : public MemberObject {
public:
    explicit LinkedDataRoot(std::shared_ptr<LinkedDataState> state) : state_(std::move(state)) {}
    // Also this class's identity: the pointer, not the text, since the build has no RTTI and a
    // foreign Object may well call itself "LinkedData".
    static const char type_name_text[];
    const char* type_name() const override { return type_name_text; }
    Value get_member(Evaluator& ev, const Value& key, const Value& self, const Expr& node,
                     const std::string& path) override;
    const std::shared_ptr<LinkedDataState>& state() const { return state_; }

private:
    std::shared_ptr<LinkedDataState> state_;
};

// Converts each answer to an entry: status, size and JSON checks. An answer naming a source
// that is not declared, or a parameter the source does not take, is Error{input}.
std::map<LinkedDataKey, LinkedDataEntry> answer_entries(const std::vector<LinkedDataSource>& sources,
                                                        const std::vector<LinkedDataAnswer>& answers);

// A fresh state for `context`: its own linkedData object (when it is one) is kept as supplied
// data; a context that already carries a LinkedDataRoot (from with_linked_data) keeps its answers.
std::shared_ptr<LinkedDataState> linked_data_state(const Context& context, const std::vector<LinkedDataSource>& sources,
                                                   LinkedDataState::Mode mode);

// `context` with linkedData replaced by a root object over `state`.
Context with_linked_data_object(const Context& context, std::shared_ptr<LinkedDataState> state);

// How a template writes the read: `linkedData.menu`, `linkedData.stockquote['AAPL']`.
std::string linked_data_path(const LinkedDataKey& key);

// Whether the context's own linkedData object supplies this source.
bool context_supplies(const LinkedDataState& state, const std::string& source);

}  // namespace hooksmith::detail
