// SPDX-License-Identifier: GPL-3.0-or-later
#include "banklistmodel.h"

#include "bankdocument.h"

#include <QApplication>
#include <QFont>
#include <QMimeData>
#include <QPalette>

namespace neurorack::studio {

BankListModel::BankListModel(BankDocument *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(document, &BankDocument::bankReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(document, &BankDocument::slotChanged, this, [this](int slot) {
        const QModelIndex changed = index(slot);
        Q_EMIT dataChanged(changed, changed);
    });
}

int BankListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Bank::kSlotCount;
}

QVariant BankListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= Bank::kSlotCount)
        return {};
    const int slot = index.row();
    const Preset *preset = m_document->bank().preset(slot);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2").arg(slot, 3, 10, QLatin1Char('0')).arg(preset ? preset->name : tr("(empty)"));
    case Qt::ToolTipRole:
        if (!preset)
            return tr("Slot %1 is empty: drop a preset here, paste one, or draw one in the editor.").arg(slot);
        return tr("%1 (%2)\n%3 s · %4").arg(preset->name, preset->id).arg(preset->duration(), 0, 'f', 2)
            .arg(preset->tags.isEmpty() ? tr("no tags") : preset->tags.join(QStringLiteral(", ")));
    case Qt::ForegroundRole:
        if (!preset)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case PresetIdRole:
        return preset ? preset->id : QString();
    case FilledRole:
        return preset != nullptr;
    default:
        return {};
    }
}

Qt::ItemFlags BankListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractListModel::flags(index) | Qt::ItemIsDropEnabled;
    if (index.isValid() && m_document->bank().preset(index.row()))
        f |= Qt::ItemIsDragEnabled;
    return f;
}

Qt::DropActions BankListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList BankListModel::mimeTypes() const
{
    return {QLatin1String(kSlotMimeType)};
}

QMimeData *BankListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kSlotMimeType), QByteArray::number(indexes.first().row()));
    return mime;
}

bool BankListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int, const QModelIndex &parent) const
{
    return data->hasFormat(QLatin1String(kSlotMimeType)) && (parent.isValid() || row >= 0);
}

bool BankListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    bool ok = false;
    const int from = data->data(QLatin1String(kSlotMimeType)).toInt(&ok);
    // Dropped onto an item (parent) or between items (row): the slot under the cursor.
    const int to = parent.isValid() ? parent.row() : std::min(row, Bank::kSlotCount - 1);
    if (!ok || from < 0 || from >= Bank::kSlotCount)
        return false;
    m_document->movePreset(from, to);
    // The document already moved it: returning false keeps the view from removing the source row.
    return false;
}

} // namespace neurorack::studio
