#include "diff/WordDiff.h"

namespace steward::diff {

QStringList splitWords(const QString &text)
{
    QStringList words;
    qsizetype start = 0;
    qsizetype position = 0;
    const qsizetype length = text.size();
    while (position < length) {
        while (position < length && !text.at(position).isSpace())
            ++position;
        while (position < length && text.at(position).isSpace())
            ++position;
        words.append(text.mid(start, position - start));
        start = position;
    }
    return words;
}

namespace {

// Collects edits, merging neighbours of the same kind; a changed stretch is held back
// until the next unchanged word so its deletions can be written before its insertions.
class EditWriter
{
public:
    void same(const QString &word)
    {
        flushChange();
        append(WordEdit::Kind::Same, word);
    }
    void deleted(const QString &word) { m_deleted += word; }
    void inserted(const QString &word) { m_inserted += word; }
    QList<WordEdit> finish()
    {
        flushChange();
        return std::move(m_edits);
    }

private:
    void flushChange()
    {
        append(WordEdit::Kind::Deleted, m_deleted);
        append(WordEdit::Kind::Inserted, m_inserted);
        m_deleted.clear();
        m_inserted.clear();
    }
    void append(WordEdit::Kind kind, const QString &text)
    {
        if (text.isEmpty())
            return;
        if (!m_edits.isEmpty() && m_edits.last().kind == kind)
            m_edits.last().text += text;
        else
            m_edits.append(WordEdit{kind, text});
    }

    QList<WordEdit> m_edits;
    QString m_deleted;
    QString m_inserted;
};

} // namespace

WordDiffResult wordDiff(const QString &before, const QString &after, const AlignmentBudget &budget)
{
    const QStringList oldWords = splitWords(before);
    const QStringList newWords = splitWords(after);
    SymbolTable symbols;
    QList<int> oldSymbols;
    QList<int> newSymbols;
    oldSymbols.reserve(oldWords.size());
    newSymbols.reserve(newWords.size());
    for (const QString &word : oldWords)
        oldSymbols.append(symbols.intern(word));
    for (const QString &word : newWords)
        newSymbols.append(symbols.intern(word));

    const Alignment alignment = align(oldSymbols, newSymbols, budget);
    EditWriter writer;
    for (const EditRun &run : alignment.runs) {
        for (qsizetype offset = 0; offset < run.length; ++offset) {
            switch (run.kind) {
            case EditRun::Kind::Equal:
                writer.same(newWords.at(run.newIndex + offset));
                break;
            case EditRun::Kind::Delete:
                writer.deleted(oldWords.at(run.oldIndex + offset));
                break;
            case EditRun::Kind::Insert:
                writer.inserted(newWords.at(run.newIndex + offset));
                break;
            }
        }
    }
    return WordDiffResult{writer.finish(), alignment.exact};
}

} // namespace steward::diff
