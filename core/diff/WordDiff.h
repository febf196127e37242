#pragma once

#include "diff/SequenceAlignment.h"
#include "diff/StructuralDiff.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace steward::diff {

// Splits text into words, each with the whitespace that follows it; whitespace before
// the first word is a piece of its own. Joining the pieces gives the text back.
QStringList splitWords(const QString &text);

struct WordDiffResult
{
    QList<WordEdit> edits; // joining Same+Deleted gives before, Same+Inserted gives after
    bool exact = true;     // false: the budget ran out and part was compared coarsely
};

// Word-level difference of two strings, aligned like array items. Within a changed
// stretch the deleted words come before the inserted ones, so it reads "was ... now ...".
WordDiffResult wordDiff(const QString &before, const QString &after, const AlignmentBudget &budget = {});

} // namespace steward::diff
