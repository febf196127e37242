#pragma once

#include "model/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

namespace steward::report {

// RFC 4180 CSV in UTF-8: fields separated by commas, records ended by CRLF, a field
// quoted when it holds a comma, a quote, CR or LF (quotes doubled inside). Buffers
// its output and writes it to the device in blocks.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice &device);

    void field(QStringView text);
    void field(qint64 number);
    // Ends the record; `encodedTail` is more fields, already quoted, joined and in UTF-8
    // (see encodedFields), for the same trailing fields on every record.
    void endRecord(const QByteArray &encodedTail = {});
    static QByteArray encodedFields(const QStringList &fields); // ",a,b" for {a, b}
    void writeRecord(const QStringList &fields);
    // Writes what is buffered; the device's error, if any.
    Status flush();

    static QString quoted(const QString &field);

private:
    QIODevice &m_device;
    QString m_record; // the record being built, encoded once when it ends
    QByteArray m_buffer;
    bool m_firstField = true;
    bool m_failed = false;
};

} // namespace steward::report
