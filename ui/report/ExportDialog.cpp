#include "ExportDialog.h"

using namespace Qt::StringLiterals;

namespace steward {

ExportDialog::ExportDialog(const AppServices &, Session &, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"exportDialog"_s);
}

} // namespace steward
