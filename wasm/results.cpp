#include "results.hpp"

#include <cstring>

#include "template/bytes.hpp"
#include "template/utf8.hpp"

namespace hooksmith::wasm {

namespace {

template <class Buffer>
void release_if_large(Buffer& buffer) {
    if (buffer.capacity() * sizeof(buffer[0]) > ResultRecords::kKeptBufferBytes) Buffer().swap(buffer);
    buffer.clear();
}

// A place the previous request did not fill (no body, fewer headers): no string has this size.
constexpr std::size_t kNoString = ~std::size_t(0);

std::uint32_t address_of(const void* pointer) {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(pointer));
}

// The UTF-16 length of `text`, or -1 when it is not valid UTF-8. Rendered requests are mostly
// ASCII: one pass that finds no byte >= 0x80 answers both questions (the length is the byte
// count), where checking and counting took a pass each.
long long utf16_length_if_valid(const std::string& text) {
    const char* p = text.data();
    const std::size_t size = text.size();
    std::uint64_t high = 0;
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, p + i, 8);
        high |= word;
    }
    for (; i < size; ++i) high |= std::uint8_t(p[i]);
    if ((high & 0x8080808080808080ULL) == 0) return static_cast<long long>(size);
    if (!utf8::valid(text)) return -1;
    return static_cast<long long>(utf8::utf16_length(text));
}

}  // namespace

void ResultRecords::clear() {
    window_open_ = false;
    previous_.clear();
    release_if_large(text_);
    release_if_large(json_);
    release_if_large(cells_);
}

void ResultRecords::rewind(const Marks& marks) {
    // A taken-back request may have set places to strings JS never reads: start them afresh.
    if (cells_.size() > marks.cells) previous_.clear();
    text_.resize(marks.text);
    json_.resize(marks.json);
    cells_.resize(marks.cells);
}

bool ResultRecords::add_string(const std::string& text, std::size_t place) {
    // same_bytes, not memcmp: Emscripten's memcmp compares byte by byte unless both texts are
    // 4-aligned, and a body of a few hundred bytes is compared here per request.
    if (place < previous_.size() && previous_[place].second == text.size() &&
        detail::same_bytes(text_.data() + previous_[place].first, text.data(), text.size())) {
        cells_.push_back(kSame);
        return true;
    }
    const long long units = utf16_length_if_valid(text);
    if (units < 0) return false;
    if (place >= previous_.size()) previous_.resize(place + 1, {0, kNoString});
    previous_[place] = {text_.size(), text.size()};
    text_ += text;
    cells_.push_back(static_cast<std::uint32_t>(units));
    return true;
}

void ResultRecords::add_request(const Request& request) {
    const Marks marks = mark();
    cells_.insert(cells_.end(), {1, request.body ? 1u : 0u, static_cast<std::uint32_t>(request.headers.size()), 0});
    bool valid = add_string(request.method, 0) && add_string(request.url, 1) && (!request.body || add_string(*request.body, 2));
    for (std::size_t i = 0; valid && i < request.headers.size(); ++i)
        valid = add_string(request.headers[i].first, 3 + 2 * i) && add_string(request.headers[i].second, 4 + 2 * i);
    if (valid) {
        const std::size_t bytes = text_.size() - marks.text;
        if (!window_open_ || window_bytes_ + bytes > kWindowBytes) {
            window_cell_ = marks.cells + 3;
            window_bytes_ = 0;
            window_open_ = true;
        }
        window_bytes_ += bytes;
        cells_[window_cell_] = static_cast<std::uint32_t>(window_bytes_ + 1);
        return;
    }
    rewind(marks);
    const std::size_t start = json_.size();
    json_ += "{\"request\":";
    append_request_json(json_, request);
    json_ += '}';
    cells_.insert(cells_.end(), {0, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(json_.size() - start)});
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
