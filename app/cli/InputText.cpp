#include "InputText.h"

#include "CliTr.h"

#include <QFile>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace steward {

bool InputText::isStandardInput(const QString &source)
{
    return source == u"-"_s;
}

Result<InputText> InputText::read(const QString &source, const QString &emptyMessage)
{
    constexpr qsizetype kSpare = 64; // simdjson's padding
    InputText input;
    const bool fromStdin = isStandardInput(source);
    input.name = fromStdin ? CliTr::tr("standard input") : source;
    QFile file;
    bool opened = false;
    if (fromStdin) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(source);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return Error::make(ErrorCode::Invalid, CliTr::tr("cannot read %1: %2").arg(input.name, file.errorString()));

    // A file is read in one call into a buffer of its size; a pipe as it comes.
    const qint64 expected = file.isSequential() ? 0 : file.size();
    if (expected > 0) {
        input.text.reserve(expected + kSpare);
        input.text.resize(expected);
        const qint64 got = file.read(input.text.data(), expected);
        input.text.resize(std::max<qint64>(got, 0));
    }
    input.text += file.readAll(); // the rest of a pipe, or of a file that grew
    if (file.error() != QFileDevice::NoError)
        return Error::make(ErrorCode::Invalid, CliTr::tr("cannot read %1: %2").arg(input.name, file.errorString()));
    // Not trimmed(): that copies a large text whenever it ends in a newline.
    const bool blank = std::all_of(input.text.cbegin(), input.text.cend(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
    if (blank)
        return Error::make(ErrorCode::Invalid, emptyMessage.arg(input.name));
    return input;
}

} // namespace steward
