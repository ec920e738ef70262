// The evaluator's per-thread working storage: scopes, call arguments and loop objects that the
// next render on the thread reuses, so that a warm render does not allocate (issue 3).
#include "template/evaluator.hpp"

#include "template/objects.hpp"
#include "template/recycler.hpp"

#include <algorithm>

namespace hooksmith::detail {

namespace {
// Idle scratches kept per thread (renders nested inside renders need one each).
constexpr std::size_t max_kept_scratches = 8;
// A larger text buffer (a print of a filter chain on a long string) is not kept idle.
constexpr std::size_t max_kept_text = 64 * 1024;
}  // namespace

Evaluator::Scratches& Evaluator::thread_scratches() {
    thread_local Scratches scratches;
    return scratches;
}

Evaluator::Scratch* Evaluator::acquire_scratch() {
    Scratches& scratches = thread_scratches();
    if (scratches.in_use == scratches.owned.size()) scratches.owned.push_back(std::make_unique<Scratch>());
    return scratches.owned[scratches.in_use++].get();
}

void Evaluator::release_scratch(Scratch* scratch) noexcept {
    // Drop every Value the render held (the context may die right after), keep the capacity.
    scratch->vars.clear();
    scratch->frames.clear();
    scratch->args_used = 0;
    for (std::size_t i = 0; i < scratch->loops_used; ++i) {
        std::shared_ptr<LoopObject>& loop = scratch->loops[i];
        if (loop && loop.use_count() == 1) {
            loop->reset();
        } else {
            loop.reset();  // escaped into a value that is still alive: never reuse it
        }
    }
    scratch->loops_used = 0;
    scratch->text.clear();
    if (scratch->text.capacity() > max_kept_text) std::string().swap(scratch->text);
    Scratches& scratches = thread_scratches();
    --scratches.in_use;  // renders end in reverse order: `scratch` is owned[in_use]
    if (scratches.owned.size() > max_kept_scratches) scratches.owned.resize(std::max(scratches.in_use, max_kept_scratches));
}

std::shared_ptr<LoopObject> Evaluator::loop_object() {
    auto& loops = scratch_->loops;
    if (loops.size() <= loop_depth_) loops.resize(loop_depth_ + 1);
    if (scratch_->loops_used <= loop_depth_) scratch_->loops_used = loop_depth_ + 1;
    std::shared_ptr<LoopObject>& slot = loops[loop_depth_];
    // Reuse the previous loop's object unless a value still refers to it (`{% set ns.l = loop %}`).
    if (slot && slot.use_count() == 1) {
        slot->reset();
    } else {
        slot = std::allocate_shared<LoopObject>(RecyclingAllocator<LoopObject>());
    }
    return slot;
}

Evaluator::ArgsLease::ArgsLease(Evaluator& ev)
    : args([&]() -> CallArgs& {
          auto& pool = ev.scratch_->args;
          if (ev.scratch_->args_used == pool.size()) pool.push_back(std::make_unique<CallArgs>());
          return *pool[ev.scratch_->args_used++];
      }()),
      ev_(ev) {}

Evaluator::ArgsLease::~ArgsLease() {
    args.positional.clear();
    args.keywords.clear();
    --ev_.scratch_->args_used;
}

}  // namespace hooksmith::detail
