#include "WordDiffDelegate.h"

#include "DiffTreeModel.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace steward {

void WordDiffDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *model = qobject_cast<const DiffTreeModel *>(index.model());
    const diff::DiffNode *node = model ? model->nodeAt(index) : nullptr;
    if (!node || node->words.isEmpty() || index.column() != DiffTreeModel::AfterColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QString html;
    for (const diff::WordEdit &edit : node->words) {
        const QString text = edit.text.toHtmlEscaped();
        switch (edit.kind) {
        case diff::WordEdit::Kind::Same: html += text; break;
        case diff::WordEdit::Kind::Deleted:
            html += u"<span style=\"background:#f7c6c6; text-decoration:line-through\">"_s + text + u"</span>"_s;
            break;
        case diff::WordEdit::Kind::Inserted:
            html += u"<span style=\"background:#bfeccb; text-decoration:underline\">"_s + text + u"</span>"_s;
            break;
        }
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument document;
    document.setDefaultFont(opt.font);
    document.setHtml(html);
    document.setDocumentMargin(2);
    document.setTextWidth(opt.rect.width());
    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), opt.rect.size()));
    document.drawContents(painter);
    painter->restore();
}

} // namespace steward
