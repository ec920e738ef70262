#include "results.hpp"

#include "template/utf8.hpp"

namespace hooksmith::wasm {

namespace {

template <class Buffer>
void release_if_large(Buffer& buffer) {
    if (buffer.capacity() * sizeof(buffer[0]) > ResultRecords::kKeptBufferBytes) Buffer().swap(buffer);
    buffer.clear();
}

std::uint32_t address_of(const void* pointer) {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(pointer));
}

}  // namespace

void ResultRecords::clear() {
    release_if_large(text_);
    release_if_large(json_);
    release_if_large(cells_);
}

void ResultRecords::rewind(const Marks& marks) {
    text_.resize(marks.text);
    json_.resize(marks.json);
    cells_.resize(marks.cells);
}

void ResultRecords::add_string(const std::string& text) {
    text_ += text;
    cells_.push_back(static_cast<std::uint32_t>(utf8::utf16_length(text)));
}

void ResultRecords::add_request(const Request& request) {
    bool valid = utf8::valid(request.method) && utf8::valid(request.url) &&
                 (!request.body || utf8::valid(*request.body));
    for (const auto& [name, value] : request.headers) valid = valid && utf8::valid(name) && utf8::valid(value);
    if (!valid) {
        const std::size_t start = json_.size();
        json_ += "{\"request\":";
        append_request_json(json_, request);
        json_ += '}';
        cells_.insert(cells_.end(), {0, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(json_.size() - start)});
        return;
    }
    cells_.insert(cells_.end(), {1, request.body ? 1u : 0u, static_cast<std::uint32_t>(request.headers.size())});
    add_string(request.method);
    add_string(request.url);
    if (request.body) add_string(*request.body);
    for (const auto& [name, value] : request.headers) {
        add_string(name);
        add_string(value);
    }
}

void ResultRecords::add_error(const Error& error) { add_json_error(0, error); }

void ResultRecords::add_batch_error(const Error& error) { add_json_error(2, error); }

void ResultRecords::add_json_error(std::uint32_t kind, const Error& error) {
    const std::size_t start = json_.size();
    json_ += "{\"error\":";
    append_error_json(json_, error);
    json_ += '}';
    cells_.insert(cells_.end(), {kind, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(json_.size() - start)});
}

std::uintptr_t ResultRecords::publish() {
    slot_ = {address_of(text_.data()), static_cast<std::uint32_t>(text_.size()),
             address_of(cells_.data()), static_cast<std::uint32_t>(cells_.size()),
             address_of(json_.data()), static_cast<std::uint32_t>(json_.size())};
    return reinterpret_cast<std::uintptr_t>(slot_.data());
}

}  // namespace hooksmith::wasm
