// libFuzzer target over the reports' CSV writer: whatever text a report's cells hold
// (names, reasons, JSON, any Unicode), a strict RFC 4180 reader gets back exactly the
// records and fields that were written. The input is the fields as UTF-8, fields ended
// by 0x1F and records by 0x1E; every other record ends its fields after the first as an
// already encoded tail (the writer's second way of writing a record).
// Any broken invariant aborts, which libFuzzer reports.

#include "report/CsvWriter.h"

#include <QBuffer>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace steward;
using namespace Qt::StringLiterals;

namespace {

void require(bool condition, const char *what, const QString &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_csv_writer: invariant broken: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

// RFC 4180, strictly: CRLF after every record, a quote only around a whole field and
// doubled inside one, CR, LF, comma and quote only inside quotes.
QList<QStringList> readCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text.at(i) == u'"') {
            ++i;
            for (;;) {
                require(i < n, "a quoted field is closed");
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r') {
                require(text.at(i) != u'"' && text.at(i) != u'\n', "no quote or LF in an unquoted field", text);
                field += text.at(i++);
            }
        }
        require(i < n, "every record ends with CRLF", text.right(40));
        record.append(field);
        field.clear();
        if (text.at(i) == u',') {
            ++i;
            continue;
        }
        require(text.mid(i, 2) == u"\r\n"_s, "a record ends with CRLF", text.mid(i, 10));
        i += 2;
        records.append(record);
        record.clear();
    }
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QStringList> written;
    for (const QString &line : input.split(QChar(0x1e))) {
        QStringList fields = line.split(QChar(0x1f));
        written.append(fields);
    }

    QBuffer device;
    device.open(QIODevice::WriteOnly);
    report::CsvWriter writer(device);
    for (qsizetype r = 0; r < written.size(); ++r) {
        const QStringList &fields = written.at(r);
        if (r % 2 == 1 && fields.size() > 1) {
            writer.field(fields.constFirst());
            writer.endRecord(report::CsvWriter::encodedFields(fields.mid(1)));
        } else {
            writer.writeRecord(fields);
        }
    }
    require(!writer.flush(), "the buffer takes everything");

    const QList<QStringList> read = readCsv(QString::fromUtf8(device.data()));
    require(read.size() == written.size(), "as many records as were written");
    for (qsizetype r = 0; r < read.size(); ++r)
        require(read.at(r) == written.at(r), "each record reads back exactly", written.at(r).join(u'|'));
    return 0;
}
