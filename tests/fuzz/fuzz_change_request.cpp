// libFuzzer target over what `steward-cli submit` and `POST /approvals` do with their
// input before any database is involved: the exact parse of a change request, its shape
// checks and the payload validator, with an optional live state for an update. The input
// is the request, then optionally a record separator (0x1E) and the live state.
// Any broken invariant aborts, which libFuzzer reports.

#include "approval/PayloadValidator.h"
#include "json/JsonParser.h"
#include "model/ChangeRequest.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace steward;
using namespace Qt::StringLiterals;

namespace {

// A refusal quotes what it needs of the input, never all of it: the fuzzer's inputs are
// up to 4 KiB, so a longer message echoes the input whole.
constexpr qsizetype kLongestMessage = 600;

void require(bool condition, const char *what, const QString &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_change_request: invariant broken: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

void checkRefusal(const Error &error, const char *where)
{
    const QString text = error.text();
    require(!error.message.trimmed().isEmpty(), where, u"an empty message"_s);
    require(text.size() <= kLongestMessage, where, u"a message of %1 characters: "_s.arg(text.size()) + text.left(300));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const char *text = reinterpret_cast<const char *>(data);
    const void *separator = std::memchr(text, 0x1e, size);
    const std::size_t split = separator ? std::size_t(static_cast<const char *>(separator) - text) : size;
    const QByteArray requestText(text, qsizetype(split));

    const Result<ChangeRequest> request = ChangeRequest::fromJsonText(requestText);
    if (!request) {
        checkRefusal(request.error(), "a refused change request");
        return 0;
    }
    // What was accepted reads back as itself.
    const json::Node written = request.value().toJson();
    const Result<ChangeRequest> again = ChangeRequest::fromJson(written);
    require(again.ok(), "an accepted request, written out, is accepted again",
            again.ok() ? QString() : again.error().text());
    require(again.value().toJson().identical(written), "an accepted request reads back the same");

    PayloadValidator::Context context;
    context.type = request.value().entityType;
    context.entityKey = request.value().entityKey;
    context.tier = request.value().tier;
    if (separator) {
        const Result<json::Node> live =
            json::parse(QByteArrayView(text + split + 1, qsizetype(size - split - 1)));
        if (live.ok() && live.value().isObject())
            context.currentState = live.value();
    }
    if (const Status refused = PayloadValidator::validate(context, request.value().payload))
        checkRefusal(*refused, "a refused payload");
    return 0;
}
