// libFuzzer target over parsing, the structural diff and the JSON Patch round trip.
// The input is two documents separated by the first newline (no newline: the document
// is compared with itself). Any broken invariant aborts, which libFuzzer reports.

#include "diff/JsonPatch.h"
#include "diff/StructuralDiff.h"
#include "json/JsonParser.h"
#include "json/JsonPointer.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace steward;
using steward::json::Node;

namespace {

void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_json_diff: invariant broken: %s\n", what);
    std::abort();
}

void checkDiff(const std::shared_ptr<const Node> &before, const std::shared_ptr<const Node> &after)
{
    diff::DiffOptions options;
    options.timeBudgetMs = 2000;
    options.maxAlignmentCost = 200'000; // small, so the coarse fallback is fuzzed as well
    const diff::DiffResult result = diff::diff(before, after, options);
    const QList<const diff::DiffNode *> changes = result.changes();
    require(result.counts.total() == changes.size(), "counts match changes()");
    require(result.root.changeCount() == result.counts.total(), "changeCount matches counts");
    require(result.root.containsChanges == (result.counts.total() > 0), "containsChanges at the root");
    require((result.counts.total() == 0) == before->sameValue(*after), "no changes exactly when equal in value");
    for (const diff::DiffNode *node : changes) {
        if (node->kind == diff::DiffNode::Kind::Removed) {
            require(json::resolve(*result.before, node->path) == node->before, "removed path resolves");
            continue;
        }
        require(json::resolve(*result.after, node->path) == node->after, "path resolves");
        if (node->kind == diff::DiffNode::Kind::Moved)
            require(json::resolve(*result.before, node->fromPath) == node->before, "fromPath resolves");
    }
}

void checkPatch(const Node &before, const Node &after)
{
    const Node patch = diff::toPatch(before, after);
    const Result<Node> applied = diff::applyPatch(before, patch);
    require(applied.ok(), "the exported patch applies");
    require(applied.value().identical(after), "the exported patch gives the new document exactly");
    const Result<Node> reparsed = json::parse(json::serialize(patch));
    require(reparsed.ok() && reparsed.value().identical(patch), "the patch survives serialization");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const char *text = reinterpret_cast<const char *>(data);
    const void *newline = std::memchr(text, '\n', size);
    const std::size_t split = newline ? std::size_t(static_cast<const char *>(newline) - text) : size;
    const QByteArrayView first(text, qsizetype(split));
    const QByteArrayView second = newline ? QByteArrayView(text + split + 1, qsizetype(size - split - 1)) : first;

    json::ParseLimits limits;
    limits.maxBytes = 1 << 16;
    limits.maxDepth = 64;
    const Result<Node> before = json::parse(first, limits);
    const Result<Node> after = json::parse(second, limits);
    if (!before.ok() || !after.ok())
        return 0;
    // The second document doubles as a patch for the first: refused or applied, never a crash.
    (void)diff::applyPatch(before.value(), after.value());

    checkDiff(std::make_shared<const Node>(before.value()), std::make_shared<const Node>(after.value()));
    checkPatch(before.value(), after.value());
    checkPatch(after.value(), before.value());
    return 0;
}
