// `linkedData` during a render: answers become values, the context's own data wins, and a read
// that has no answer is recorded (discovery) or is a clear `missing` error (the real render).
#include "webhook/linked_data_object.hpp"

#include "hooksmith/json.hpp"
#include "template/evaluator.hpp"
#include "template/message.hpp"

namespace hooksmith::detail {

namespace {

constexpr const char* root_name = "linkedData";

// Errors point at the start of the read (`linkedData` in `linkedData.q[x]`), as missing values do.
std::uint32_t start_of(const Expr& node) {
    const Expr* e = &node;
    while ((e->kind == ExprKind::getattr || e->kind == ExprKind::getitem) && !e->children.empty() && e->children[0])
        e = e->children[0].get();
    return e->offset < node.offset ? e->offset : node.offset;
}

[[noreturn]] void fail_at(Evaluator& ev, const Expr& node, ErrorKind kind, const std::string& message,
                          const std::string& variable) {
    try {
        ev.fail(start_of(node), kind, message);
    } catch (Error& error) {
        error.variable = variable;
        throw;
    }
}

std::string describe(const LinkedDataKey& key) {
    std::string text = "linked data '" + key.first + "'";
    if (key.second) text += " for parameter " + Value(*key.second).repr();
    return text;
}

// A read of one declared (source, parameter): the answer, or what the mode does without one.
Value resolve(LinkedDataState& state, const LinkedDataKey& key, Evaluator& ev, const Expr& node) {
    if (state.mode == LinkedDataState::Mode::discover) {
        bool seen = false;
        for (const LinkedDataKey& read : state.reads) seen = seen || read == key;
        if (!seen) {
            // One read past the limit is kept so that the caller reports it; a template reading
            // thousands of parameters stops here instead of being searched quadratically.
            if (state.reads.size() > max_linked_data_fetches) {
                throw_error(ErrorKind::limit, {"more than ", max_linked_data_fetches, " linked data reads for one user"});
            }
            state.reads.push_back(key);
        }
    }
    auto answer = state.answers.find(key);
    if (answer != state.answers.end() && answer->second.ok) return answer->second.value;
    // Discovery goes on past unanswered data with an empty object: falsy like an undefined (so
    // branches guarded by it are not taken), yet one more level can be read without an error
    // ending the render, so independent reads later in the same template are still found.
    if (state.mode == LinkedDataState::Mode::discover) return Value::dict(Dict());
    const std::string path = linked_data_path(key);
    if (answer != state.answers.end()) {
        fail_at(ev, node, answer->second.failure_kind,
                describe(key) + " could not be fetched: " + answer->second.failure +
                    "; the webhook is not sent without it", path);
    }
    fail_at(ev, node, ErrorKind::missing,
            "needs " + describe(key) + " (" + path + "), which the context does not supply; fetch it "
            "first (renderResolved, or linked_data_needed then with_linked_data)", path);
}

// `linkedData.<source>` for a source whose URL takes a parameter: only a subscript reads it.
class LinkedDataSourceObject final : public MemberObject {
public:
    LinkedDataSourceObject(std::shared_ptr<LinkedDataState> state, std::string source)
        : state_(std::move(state)), source_(std::move(source)) {}
    const char* type_name() const override { return "LinkedDataSource"; }

    Value get_member(Evaluator& ev, const Value& key, const Value&, const Expr& node, const std::string& path) override {
        if (key.is_undefined()) {
            // No parameter, nothing to fetch. The real render treats it as the missing value it is.
            if (state_->mode == LinkedDataState::Mode::render && ev.policy() == MissingPolicy::suppress &&
                key.has_undefined_path())
                ev.fail_missing(key.undefined_path(), node.kind == ExprKind::getitem && node.children.size() > 1
                                                          ? start_of(*node.children[1]) : start_of(node));
            return Value::undefined(path.empty() ? std::string(root_name) + "." + source_ : path);
        }
        return resolve(*state_, {source_, key.str()}, ev, node);
    }

    void before_text(const Evaluator& ev, const Expr& node) const override {
        if (state_->mode == LinkedDataState::Mode::discover) return;
        ev.fail(start_of(node), ErrorKind::render,
                "linkedData." + source_ + " takes a parameter (its URL has {}): read linkedData." + source_ +
                    "[expression], e.g. linkedData." + source_ + "[userAttribute['…']]");
    }

private:
    std::shared_ptr<LinkedDataState> state_;
    std::string source_;
};

LinkedDataEntry failed(std::string why, ErrorKind kind = ErrorKind::missing) {
    LinkedDataEntry entry;
    entry.failure = std::move(why);
    entry.failure_kind = kind;
    return entry;
}

LinkedDataEntry entry_for(const LinkedDataAnswer& answer) {
    if (answer.status == 0) {
        return failed("no response (" + (answer.error.empty() ? std::string("network error") : answer.error) + ")");
    }
    if (answer.status < 200 || answer.status > 299) {
        std::string why = "HTTP " + std::to_string(answer.status);
        if (!answer.error.empty()) why += " (" + answer.error + ")";
        return failed(why);
    }
    if (answer.body.size() > max_linked_data_answer_bytes) {
        return failed("the answer is " + std::to_string(answer.body.size()) + " bytes, more than the limit of " +
                          std::to_string(max_linked_data_answer_bytes),
                      ErrorKind::limit);
    }
    // JSON never allows a raw NUL, and a parser may take one for the end of the text.
    if (answer.body.find('\0') != std::string::npos) {
        return failed("HTTP " + std::to_string(answer.status) + " but the body is not JSON (a NUL byte)");
    }
    try {
        LinkedDataEntry entry;
        entry.value = parse_json(answer.body);  // int vs float kept, as in a context
        entry.ok = true;
        return entry;
    } catch (const Error& error) {
        if (error.kind == ErrorKind::limit) return failed("the answer cannot be used: " + error.message, ErrorKind::limit);
        return failed("HTTP " + std::to_string(answer.status) + " but the body is not JSON: " + error.message);
    }
}

const LinkedDataSource* find_source(const std::vector<LinkedDataSource>& sources, const std::string& name) {
    for (const LinkedDataSource& source : sources) {
        if (source.name == name) return &source;
    }
    return nullptr;
}

}  // namespace

const char LinkedDataRoot::type_name_text[] = "LinkedData";

Value LinkedDataRoot::get_member(Evaluator& ev, const Value& key, const Value&, const Expr& node,
                                 const std::string& path) {
    auto undefined = [&]() {
        return Value::undefined(path.empty() ? std::string(root_name) + "[" + key.repr() + "]" : path);
    };
    if (!key.is_string()) return undefined();
    const std::string& name = key.as_string();
    if (state_->supplied.is_dict()) {
        if (const Value* data = state_->supplied.as_dict().find(name)) return *data;  // the context wins
    }
    const LinkedDataSource* source = find_source(state_->sources, name);
    if (!source) return undefined();  // not declared: plain Jinja
    if (source->has_parameter()) return Value::object(std::make_shared<LinkedDataSourceObject>(state_, name));
    return resolve(*state_, {name, std::nullopt}, ev, node);
}

std::map<LinkedDataKey, LinkedDataEntry> answer_entries(const std::vector<LinkedDataSource>& sources,
                                                        const std::vector<LinkedDataAnswer>& answers) {
    std::map<LinkedDataKey, LinkedDataEntry> entries;
    for (const LinkedDataAnswer& answer : answers) {
        const LinkedDataSource* source = find_source(sources, answer.source);
        if (!source) {
            throw_error(ErrorKind::input, {"an answer names the linked data source '", answer.source,
                                           "', which the config's linkedData does not declare"});
        }
        if (source->has_parameter() != answer.parameter.has_value()) {
            throw_error(ErrorKind::input, {"an answer for linked data '", answer.source, "' ",
                                           source->has_parameter() ? "has no parameter, but its URL takes one"
                                                                   : "has a parameter, but its URL takes none"});
        }
        entries[{answer.source, answer.parameter}] = entry_for(answer);  // the last answer wins
    }
    return entries;
}

std::shared_ptr<LinkedDataState> linked_data_state(const Context& context, const std::vector<LinkedDataSource>& sources,
                                                   LinkedDataState::Mode mode) {
    auto state = std::make_shared<LinkedDataState>();
    state->mode = mode;
    state->sources = sources;
    if (const Value* current = context.root().as_dict().find(root_name)) {
        if (current->is_dict()) {
            state->supplied = *current;
        } else if (current->is_object()) {
            Object* object = current->as_object();
            if (object->type_name() == LinkedDataRoot::type_name_text) {
                auto* root = static_cast<LinkedDataRoot*>(object);
                state->supplied = root->state()->supplied;
                state->answers = root->state()->answers;
            }
        }
    }
    return state;
}

Context with_linked_data_object(const Context& context, std::shared_ptr<LinkedDataState> state) {
    Context copy = context;
    copy.set(root_name, Value::object(std::make_shared<LinkedDataRoot>(std::move(state))));
    return copy;
}

std::string linked_data_path(const LinkedDataKey& key) {
    std::string path = std::string(root_name) + "." + key.first;
    if (key.second) path += "[" + Value(*key.second).repr() + "]";
    return path;
}

bool context_supplies(const LinkedDataState& state, const std::string& source) {
    return state.supplied.is_dict() && state.supplied.as_dict().find(source) != nullptr;
}

}  // namespace hooksmith::detail
