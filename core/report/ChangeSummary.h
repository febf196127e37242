#pragma once

#include "model/Types.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace steward::report {

// One changed path of a decided request, as the audit report lists it. Values are
// compact JSON text (strings keep their quotes), cut to a length a report can show.
struct ChangeEntry
{
    QString op;   // added | removed | changed | moved
    QString path; // JSON Pointer in the requested state ("" never: the root is split into its members)
    QString from; // moved: where the item was
    QString before;
    QString after;
};

// What a request changed, as the reviewer saw it: the current state against the payload
// laid over it (core/diff). Huge payloads stay cheap: at most `maxChanges` entries with
// values of at most `maxValueChars` characters, and a time budget for the diff.
struct ChangeSummary
{
    int count = 0; // every change, listed or not
    QList<ChangeEntry> changes;
    bool approximate = false; // the diff hit its budget and compared some parts coarsely
    QString error;            // the stored documents could not be read

    bool truncated() const { return count > changes.size(); }
};

struct ChangeSummaryLimits
{
    int maxChanges = 10;
    int maxValueChars = 120;
    qint64 timeBudgetMs = 250;
};

ChangeSummary summarizeChanges(EntityType type, const QByteArray &currentStateText, const QByteArray &payloadText,
                               const ChangeSummaryLimits &limits = {});

// One line per change, as steward-cli diff prints it: "~ /label: \"Old\" -> \"New\"",
// "+ /path: value", "- /path: value", "> /items/2 (moved from /items/0)".
QString describe(const ChangeEntry &change);
// Every listed change on its own line, then "… and N more" when the list was cut.
QString describeAll(const ChangeSummary &summary);
QString moreChangesText(int more);

// A value cut to `maxChars` characters, ending in "…" when it was cut.
QString truncatedText(const QString &text, int maxChars);

} // namespace steward::report
