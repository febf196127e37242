#pragma once

#include "model/Error.h"

#include <QByteArray>
#include <QString>

namespace steward {

// The text a command reads from a file, or from standard input when the source is "-".
struct InputText
{
    QString name; // the file as the user named it, or "standard input"
    QByteArray text;

    static bool isStandardInput(const QString &source);
    // Refuses an unreadable source, and one that is empty or only whitespace with
    // `emptyMessage`, whose %1 is the name. The buffer has a little spare room, so a
    // parser that reads past the end (simdjson) can use it in place.
    static Result<InputText> read(const QString &source, const QString &emptyMessage);
};

} // namespace steward
