// SPDX-License-Identifier: GPL-3.0-or-later
#include "screen/screenpainter.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace neurorack::runtime {

namespace {

constexpr int kMargin = 8;           ///< left and right text margin
constexpr int kScrollbarWidth = 4;   ///< at the right edge of a list that scrolls
constexpr int kMarkerSize = 6;       ///< the dot in front of the entry in use
constexpr int kHomeSlotWidth = 40;   ///< the slot number in front of the preset name
constexpr int kCvRowHeight = 24;     ///< one CV on the home page
constexpr int kCvBarWidth = 48;      ///< the volts bar of a CV row
constexpr int kBarHeight = 8;        ///< volts and morph bars
constexpr double kCvBarVolts = 5.0;  ///< a full half-bar: Eurorack's ±5 V
constexpr int kGateDot = 20;         ///< gate lamp diameter, with the gate's number inside
constexpr int kNoticeHeight = 78;    ///< the notice banner on the home page
constexpr int kInfoLineHeight = 25;  ///< key/value lines of the system and about pages
constexpr int kHeaderLineHeight = 17;

QFont screenFont(int pixelSize, bool bold = false)
{
    QFont font;
    // DejaVu Sans ships on the module (fonts-dejavu-core); the others keep a laptop's
    // sim readable when it is missing.
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"), QStringLiteral("Noto Sans")});
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

/// Width @p text takes in @p font, whole pixels, rounded up so that a rect this wide
/// never elides it (elidedText() works in fractional pixels).
int textWidth(const QString &text, const QFont &font)
{
    return int(std::ceil(QFontMetricsF(font).horizontalAdvance(text))) + 1;
}

/// The largest font from @p maxPx down to @p minPx in which @p text fits @p width.
QFont fittedFont(const QString &text, int width, int maxPx, int minPx, bool bold = false)
{
    for (int px = maxPx; px > minPx; --px) {
        QFont font = screenFont(px, bold);
        if (textWidth(text, font) <= width)
            return font;
    }
    return screenFont(minPx, bold);
}

/// Draws @p text in @p rect, elided on the right when it does not fit.
void drawText(QPainter &painter, const QRect &rect, int flags, const QString &text, const QFont &font,
              QRgb colour)
{
    painter.setFont(font);
    painter.setPen(QColor::fromRgb(colour));
    const QString elided = QFontMetrics(font).elidedText(text, Qt::ElideRight, rect.width());
    painter.drawText(rect, flags, elided);
}


/// A bar track with [from, to] (fractions of its width, 0..1) filled.
void drawBar(QPainter &painter, const QRect &rect, double from, double to, QRgb fill)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgb(ScreenPainter::kTrack));
    painter.drawRoundedRect(rect, 2, 2);
    const double lo = std::clamp(std::min(from, to), 0.0, 1.0);
    const double hi = std::clamp(std::max(from, to), 0.0, 1.0);
    const QRectF filled(rect.x() + lo * rect.width(), rect.y(), (hi - lo) * rect.width(), rect.height());
    painter.setBrush(QColor::fromRgb(fill));
    painter.drawRect(filled);
}

QString orDash(double value, int decimals, const QString &unit)
{
    if (!std::isfinite(value))
        return QStringLiteral("\u2014");
    return Menu::numberText(value, decimals) + QStringLiteral(" ") + unit;
}

QString uptimeText(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds / 3600 % 24;
    const qint64 minutes = seconds / 60 % 60;
    const auto two = [](qint64 n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); };
    if (days > 0)
        return ScreenPainter::tr("%1 d %2 h").arg(days).arg(two(hours));
    if (hours > 0)
        return ScreenPainter::tr("%1 h %2 min").arg(hours).arg(two(minutes));
    return ScreenPainter::tr("%1 min %2 s").arg(minutes).arg(two(seconds % 60));
}

} // namespace

QRect ScreenPainter::titleRect()
{
    return {0, 0, kSize, kTitleHeight};
}

QRect ScreenPainter::noticeRect()
{
    return {4, kSize - kNoticeHeight - 4, kSize - 8, kNoticeHeight};
}

QRect ScreenPainter::rowRect(const Menu &menu, int row)
{
    const int visible = menu.visibleRows();
    const int index = row - menu.firstVisibleRow();
    if (visible == 0 || index < 0 || index >= visible)
        return {};
    const int listTop = kSize - visible * kRowHeight;
    return {0, listTop + index * kRowHeight, kSize - kScrollbarWidth, kRowHeight};
}

QImage ScreenPainter::paint(const RuntimeView &view, const Menu &menu) const
{
    QImage image(kSize, kSize, QImage::Format_RGB32);
    image.fill(kBackground);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);

    switch (menu.page()) {
    case Menu::Page::Home:
        paintHome(painter, view);
        break;
    case Menu::Page::Volume:
        paintVolume(painter, menu);
        break;
    case Menu::Page::System:
        paintSystem(painter, view);
        break;
    case Menu::Page::About:
        paintAbout(painter, view);
        break;
    default:
        paintList(painter, view, menu);
        break;
    }
    paintTitle(painter, view, menu);
    if (menu.page() == Menu::Page::Home && !view.notice.isEmpty())
        paintNotice(painter, view);
    painter.end();
    return image;
}

void ScreenPainter::paintTitle(QPainter &painter, const RuntimeView &view, const Menu &menu) const
{
    const bool busy = !view.busy.isEmpty();
    painter.fillRect(titleRect(), QColor::fromRgb(busy ? kBusyBackground : kTitleBackground));
    QRect text = titleRect().adjusted(kMargin, 0, -kMargin, 0);
    // Away from Home the banner is hidden; a warning dot says a notice is waiting there.
    if (!view.notice.isEmpty() && menu.page() != Menu::Page::Home) {
        const int d = 12;
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor::fromRgb(kWarning));
        painter.drawEllipse(QRect(kSize - kMargin - d, (kTitleHeight - d) / 2, d, d));
        text.setRight(kSize - kMargin - d - 6);
    }
    drawText(painter, text, Qt::AlignLeft | Qt::AlignVCenter, busy ? view.busy : menu.title(view),
             screenFont(kTitlePx, true), kHighlightText);
}

void ScreenPainter::paintHome(QPainter &painter, const RuntimeView &view) const
{
    int y = kTitleHeight + 4;

    // The preset, big: what a gate plays now.
    const int presetHeight = 32;
    const QString slot = view.presetSlot >= 0 ? QString::number(view.presetSlot + 1) : QStringLiteral("\u2014");
    drawText(painter, QRect(kMargin, y, kHomeSlotWidth, presetHeight), Qt::AlignLeft | Qt::AlignVCenter, slot,
             screenFont(kTextPx, true), kAccent);
    const QString presetName = view.presetName.isEmpty() ? tr("Empty bank") : view.presetName;
    const QRect nameRect(kMargin + kHomeSlotWidth, y, kSize - 2 * kMargin - kHomeSlotWidth, presetHeight);
    drawText(painter, nameRect, Qt::AlignLeft | Qt::AlignVCenter, presetName,
             fittedFont(presetName, nameRect.width(), kBigPx, kRowPx - 1, true), kText);
    y += presetHeight + 2;

    // Morph: A ↔ B with the amount as a bar between.
    const QFont small = screenFont(kSmallPx);
    const QFont smallBold = screenFont(kSmallPx, true);
    const int lineHeight = 17;
    const int half = (kSize - 2 * kMargin) / 2;
    const int tagWidth = textWidth(QStringLiteral("A "), smallBold);
    drawText(painter, QRect(kMargin, y, tagWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("A"), smallBold,
             kAccent);
    drawText(painter, QRect(kMargin + tagWidth, y, half - tagWidth - 4, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
             view.morphA, small, kText);
    drawText(painter, QRect(kSize - kMargin - tagWidth, y, tagWidth, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
             QStringLiteral("B"), smallBold, kAccent);
    drawText(painter, QRect(kMargin + half + 4, y, half - tagWidth - 4, lineHeight),
             Qt::AlignRight | Qt::AlignVCenter, view.morphB, small, kText);
    y += lineHeight + 2;
    const double amount = std::clamp(view.morphAmount, 0.0, 1.0);
    const QString percent = tr("%1 %").arg(std::lround(amount * 100));
    const int percentWidth = textWidth(QStringLiteral("100 %"), small) + 6;
    const QRect morphBar(kMargin, y + (lineHeight - kBarHeight) / 2, kSize - 2 * kMargin - percentWidth, kBarHeight);
    drawBar(painter, morphBar, 0.0, amount, kAccent);
    // The position marker, so that 0 % and 100 % are visible too.
    painter.setBrush(QColor::fromRgb(kText));
    painter.drawRect(QRectF(morphBar.x() + amount * morphBar.width() - 1.5, morphBar.y() - 3, 3, kBarHeight + 6));
    drawText(painter, QRect(kSize - kMargin - percentWidth, y, percentWidth, lineHeight),
             Qt::AlignRight | Qt::AlignVCenter, percent, small, kText);
    y += lineHeight + 6;

    // The four CVs: number, volts bar, what it drives, the resulting value.
    const QFont text = screenFont(kTextPx);
    const QFont textBold = screenFont(kTextPx, true);
    const int numberWidth = 14;
    const int barX = kMargin + numberWidth;
    const int targetX = barX + kCvBarWidth + 8;
    for (int i = 0; i < RuntimeView::kCvCount; ++i) {
        const CvView &cv = view.cv[std::size_t(i)];
        const QRect row(0, y, kSize, kCvRowHeight);
        drawText(painter, QRect(kMargin, row.y(), numberWidth, row.height()), Qt::AlignLeft | Qt::AlignVCenter,
                 QString::number(i + 1), textBold, kDimText);
        const QRect bar(barX, row.y() + (row.height() - kBarHeight) / 2, kCvBarWidth, kBarHeight);
        const double position = 0.5 + 0.5 * std::clamp(cv.volts / kCvBarVolts, -1.0, 1.0);
        drawBar(painter, bar, 0.5, position, kAccent);
        painter.fillRect(QRect(bar.center().x(), bar.y() - 2, 1, kBarHeight + 4), QColor::fromRgb(kDimText));
        // The value keeps its full width; the target takes what is left, shrinking first.
        const int valueWidth = std::min(textWidth(cv.value, textBold), kSize / 2 - kMargin);
        const QRect value(kSize - kMargin - valueWidth, row.y(), valueWidth, row.height());
        drawText(painter, value, Qt::AlignRight | Qt::AlignVCenter, cv.value, textBold, kText);
        const QString target = cv.target.isEmpty() ? QStringLiteral("\u2014") : cv.target;
        const QRect targetRect(targetX, row.y(), value.left() - 6 - targetX, row.height());
        drawText(painter, targetRect, Qt::AlignLeft | Qt::AlignVCenter, target,
                 fittedFont(target, targetRect.width(), kTextPx, kMinPx), kText);
        y += kCvRowHeight;
    }
    y += 4;

    // The two gates: a lamp and what a rising edge does.
    const int gateWidth = (kSize - 2 * kMargin) / RuntimeView::kGateCount;
    const int gateHeight = kSize - y;
    for (int i = 0; i < RuntimeView::kGateCount; ++i) {
        const GateView &gate = view.gates[std::size_t(i)];
        const int x = kMargin + i * gateWidth;
        const QRect dot(x, y + (gateHeight - kGateDot) / 2, kGateDot, kGateDot);
        painter.setPen(gate.high ? Qt::NoPen : QPen(QColor::fromRgb(kDimText), 1.5));
        painter.setBrush(gate.high ? QColor::fromRgb(kGateOn) : QColor::fromRgb(kTrack));
        painter.drawEllipse(dot);
        drawText(painter, dot, Qt::AlignCenter, QString::number(i + 1), screenFont(kSmallPx, true),
                 gate.high ? kBackground : kDimText);
        const QString action = gate.action.isEmpty() ? QStringLiteral("\u2014") : gate.action;
        const QRect actionRect(dot.right() + 6, y, x + gateWidth - dot.right() - 8, gateHeight);
        drawText(painter, actionRect, Qt::AlignLeft | Qt::AlignVCenter, action,
                 fittedFont(action, actionRect.width(), kTextPx, kMinPx), kText);
    }
}

void ScreenPainter::paintNotice(QPainter &painter, const RuntimeView &view) const
{
    const QRect banner = noticeRect();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgb(kWarning));
    painter.drawRoundedRect(banner, 4, 4);
    const QFont hintFont = screenFont(kSmallPx);
    const int hintHeight = 17;
    const QRect textRect = banner.adjusted(kMargin, 4, -kMargin, -hintHeight - 2);
    painter.setFont(screenFont(kTextPx, true));
    painter.setPen(QColor::fromRgb(kWarningText));
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, view.notice);
    drawText(painter, QRect(banner.x() + kMargin, banner.bottom() - hintHeight - 2, banner.width() - 2 * kMargin, hintHeight),
             Qt::AlignRight | Qt::AlignVCenter, tr("Press to dismiss"), hintFont, kWarningText);
}

void ScreenPainter::paintList(QPainter &painter, const RuntimeView &view, const Menu &menu) const
{
    const QList<MenuRow> rows = menu.rows(view);
    const int visible = menu.visibleRows();
    const int listTop = kSize - visible * kRowHeight;
    const QRect header(0, kTitleHeight, kSize, listTop - kTitleHeight);
    switch (menu.page()) {
    case Menu::Page::Model:
        paintModelHeader(painter, view, header);
        break;
    case Menu::Page::Mapping:
        paintMappingHeader(painter, view, header);
        break;
    case Menu::Page::CalibrateInput:
        paintCalibrationHeader(painter, view, menu, header);
        break;
    default:
        break;
    }

    // The view may have shrunk since the menu last saw it: draw what exists.
    const int cursor = std::min(menu.cursor(), int(rows.size()) - 1);
    const QFont detail = screenFont(kSmallPx);
    const int textLeft = kMargin + kMarkerSize + 4;
    for (int row = menu.firstVisibleRow(); row < rows.size(); ++row) {
        const QRect rect = rowRect(menu, row);
        if (rect.isNull())
            break;
        const MenuRow &entry = rows[row];
        const bool selected = row == cursor;
        if (selected)
            painter.fillRect(rect, QColor::fromRgb(kHighlight));
        if (entry.active) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor::fromRgb(selected ? kHighlightText : kAccent));
            painter.drawEllipse(QRect(kMargin - 2, rect.center().y() - kMarkerSize / 2 + 1, kMarkerSize, kMarkerSize));
        }
        int detailWidth = 0;
        if (!entry.detail.isEmpty()) {
            detailWidth = std::min(textWidth(entry.detail, detail), rect.width() / 2);
            drawText(painter, QRect(rect.right() - kMargin - detailWidth, rect.y(), detailWidth + 1, rect.height()),
                     Qt::AlignRight | Qt::AlignVCenter, entry.detail, detail, selected ? kHighlightText : kDimText);
            detailWidth += 8;
        }
        const QRect labelRect(textLeft, rect.y(), rect.right() - kMargin - detailWidth - textLeft, rect.height());
        drawText(painter, labelRect, Qt::AlignLeft | Qt::AlignVCenter, entry.label,
                 fittedFont(entry.label, labelRect.width(), kRowPx, kMinPx, entry.active),
                 selected ? kHighlightText : kText);
    }

    if (rows.size() > visible && visible > 0) {
        const int trackHeight = visible * kRowHeight;
        const QRect track(kSize - kScrollbarWidth, listTop, kScrollbarWidth, trackHeight);
        painter.fillRect(track, QColor::fromRgb(kTrack));
        const int thumbHeight = std::max(kRowHeight / 2, int(trackHeight * visible / rows.size()));
        const int thumbTop =
            listTop + int((trackHeight - thumbHeight) * menu.firstVisibleRow() / std::max<qsizetype>(1, rows.size() - visible));
        painter.fillRect(QRect(track.x(), thumbTop, kScrollbarWidth, thumbHeight), QColor::fromRgb(kDimText));
    }
}

void ScreenPainter::paintModelHeader(QPainter &painter, const RuntimeView &view, const QRect &area) const
{
    const QRect inner = area.adjusted(kMargin, 4, -kMargin, -4);
    const QString name = view.modelName.isEmpty() ? tr("No model loaded") : view.modelName;
    const QString version = view.modelVersion.isEmpty() ? QString() : tr("v%1").arg(view.modelVersion);
    const QFont bold = screenFont(kTextPx, true);
    const int versionWidth = version.isEmpty() ? 0 : textWidth(version, bold) + 6;
    drawText(painter, QRect(inner.x(), inner.y(), inner.width() - versionWidth, 22), Qt::AlignLeft | Qt::AlignVCenter,
             name, bold, kText);
    drawText(painter, QRect(inner.right() - versionWidth, inner.y(), versionWidth + 1, 22),
             Qt::AlignRight | Qt::AlignVCenter, version, bold, kAccent);
    const QString device = view.modelDevice.isEmpty() ? QStringLiteral("\u2014") : view.modelDevice.toUpper();
    drawText(painter, QRect(inner.x(), inner.y() + 24, inner.width(), 20), Qt::AlignLeft | Qt::AlignVCenter,
             tr("Runs on %1").arg(device), screenFont(kSmallPx), kDimText);
}

void ScreenPainter::paintMappingHeader(QPainter &painter, const RuntimeView &view, const QRect &area) const
{
    const QRect inner = area.adjusted(kMargin, 2, -kMargin, -2);
    // Name and one line per input (4 CVs, 2 gates): tighten the lines rather than drop one.
    const int lineCount = 1 + int(view.mappingLines.size());
    const int lineHeight = std::clamp(inner.height() / lineCount, kMinPx + 2, kHeaderLineHeight);
    int y = inner.y();
    drawText(painter, QRect(inner.x(), y, inner.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
             view.mappingName.isEmpty() ? view.mappingId : view.mappingName, screenFont(kSmallPx, true), kAccent);
    y += lineHeight;
    const QFont small = screenFont(kSmallPx);
    for (const QString &line : view.mappingLines) {
        if (y + lineHeight > inner.bottom() + 1)
            break;
        drawText(painter, QRect(inner.x(), y, inner.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter, line,
                 small, kText);
        y += lineHeight;
    }
}

void ScreenPainter::paintCalibrationHeader(QPainter &painter, const RuntimeView &view, const Menu &menu,
                                           const QRect &area) const
{
    const QRect inner = area.adjusted(kMargin, 4, -kMargin, -2);
    const int input = std::clamp(menu.calibrationInput(), 0, RuntimeView::kInputCount - 1);
    const InputCalibrationView &calibration = view.calibration[std::size_t(input)];
    int y = inner.y();

    const QFont text = screenFont(kTextPx);
    painter.setFont(text);
    painter.setPen(QColor::fromRgb(kText));
    const QRect instruction(inner.x(), y, inner.width(), 2 * kHeaderLineHeight + 2);
    painter.drawText(instruction, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, menu.calibrationInstruction());
    y += instruction.height() + 2;

    const QFont bold = screenFont(kTextPx, true);
    const QString rawLabel = tr("Reads now");
    const int rawLabelWidth = textWidth(rawLabel, text) + 8;
    drawText(painter, QRect(inner.x(), y, rawLabelWidth, kHeaderLineHeight), Qt::AlignLeft | Qt::AlignVCenter, rawLabel,
             text, kDimText);
    drawText(painter, QRect(inner.x() + rawLabelWidth, y, inner.width() - rawLabelWidth, kHeaderLineHeight),
             Qt::AlignLeft | Qt::AlignVCenter, tr("%1 V").arg(Menu::numberText(calibration.rawVolts, 3, true)), bold,
             kText);
    y += kHeaderLineHeight + 2;

    // While calibrating, the message says what was measured; otherwise show what is set.
    QString message = menu.calibrationMessage();
    bool error = menu.calibrationMessageIsError();
    if (message.isEmpty()) {
        message = tr("Gain %1, offset %2 V")
                      .arg(QString::number(calibration.gain, 'f', 4), Menu::numberText(calibration.offset, 3, true));
        error = false;
    }
    painter.setFont(screenFont(kSmallPx, error));
    painter.setPen(QColor::fromRgb(error ? kWarning : kDimText));
    painter.drawText(QRect(inner.x(), y, inner.width(), inner.bottom() - y + 1),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, message);
}

void ScreenPainter::paintVolume(QPainter &painter, const Menu &menu) const
{
    const double volume = menu.volumeDb();
    drawText(painter, QRect(0, 60, kSize, 56), Qt::AlignCenter, tr("%1 dB").arg(Menu::numberText(volume, 0)),
             screenFont(kHugePx, true), kText);
    const QRect bar(2 * kMargin, 136, kSize - 4 * kMargin, 2 * kBarHeight);
    const double fraction = (volume - Menu::kMinVolumeDb) / (Menu::kMaxVolumeDb - Menu::kMinVolumeDb);
    drawBar(painter, bar, 0.0, fraction, kAccent);
    const QFont small = screenFont(kSmallPx);
    drawText(painter, QRect(bar.x(), bar.bottom() + 4, 60, 18), Qt::AlignLeft | Qt::AlignVCenter,
             tr("%1 dB").arg(Menu::numberText(Menu::kMinVolumeDb, 0)), small, kDimText);
    drawText(painter, QRect(bar.right() - 60, bar.bottom() + 4, 61, 18), Qt::AlignRight | Qt::AlignVCenter,
             tr("%1 dB").arg(Menu::numberText(Menu::kMaxVolumeDb, 0)), small, kDimText);
    drawText(painter, QRect(kMargin, 196, kSize - 2 * kMargin, 20), Qt::AlignCenter, tr("Turn to change"), small,
             kDimText);
    drawText(painter, QRect(kMargin, 214, kSize - 2 * kMargin, 20), Qt::AlignCenter, tr("Press when done"), small,
             kDimText);
}

void ScreenPainter::paintSystem(QPainter &painter, const RuntimeView &view) const
{
    const SystemStats &stats = view.stats;
    const QList<std::pair<QString, QString>> lines{
        {tr("CPU"), orDash(stats.cpuPercent, 0, QStringLiteral("%"))},
        {tr("Temperature"), orDash(stats.temperatureC, 1, QStringLiteral("\u00b0C"))},
        {tr("Render"), orDash(stats.renderMs, 1, tr("ms"))},
        {tr("Xruns"), QString::number(stats.xruns)},
        {tr("Memory"), orDash(stats.memoryMb, 0, tr("MB"))},
        {tr("Uptime"), uptimeText(stats.uptimeS)},
        {tr("Audio"), view.audioOutput.isEmpty() ? QStringLiteral("\u2014") : view.audioOutput},
        {tr("USB"), view.usbState.isEmpty() ? QStringLiteral("\u2014") : view.usbState},
    };
    const QFont key = screenFont(kTextPx);
    const QFont value = screenFont(kTextPx, true);
    int y = kTitleHeight + 6;
    for (const auto &[name, text] : lines) {
        const int keyWidth = textWidth(name, key) + 10;
        drawText(painter, QRect(kMargin, y, keyWidth, kInfoLineHeight), Qt::AlignLeft | Qt::AlignVCenter, name, key,
                 kDimText);
        drawText(painter, QRect(kMargin + keyWidth, y, kSize - 2 * kMargin - keyWidth, kInfoLineHeight),
                 Qt::AlignRight | Qt::AlignVCenter, text, value,
                 name == tr("Xruns") && stats.xruns > 0 ? kWarning : kText);
        y += kInfoLineHeight;
    }
}

void ScreenPainter::paintAbout(QPainter &painter, const RuntimeView &view) const
{
    int y = kTitleHeight + 8;
    drawText(painter, QRect(kMargin, y, kSize - 2 * kMargin, 32), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Neurorack"),
             screenFont(kBigPx + 2, true), kAccent);
    y += 32;
    drawText(painter, QRect(kMargin, y, kSize - 2 * kMargin, 20), Qt::AlignLeft | Qt::AlignVCenter,
             tr("Neural impact synthesizer"), screenFont(kSmallPx), kDimText);
    y += 28;
    const QString model = view.modelName.isEmpty()
                              ? QStringLiteral("\u2014")
                              : (view.modelVersion.isEmpty() ? view.modelName : tr("%1 v%2").arg(view.modelName, view.modelVersion));
    const QList<std::pair<QString, QString>> lines{
        {tr("Runtime"), view.version.isEmpty() ? QStringLiteral("\u2014") : view.version},
        {tr("Model"), model},
        {tr("Device"), view.modelDevice.isEmpty() ? QStringLiteral("\u2014") : view.modelDevice.toUpper()},
        {tr("Panel"), view.panelBackend.isEmpty() ? QStringLiteral("\u2014") : view.panelBackend},
    };
    const QFont key = screenFont(kTextPx);
    const QFont value = screenFont(kTextPx, true);
    for (const auto &[name, text] : lines) {
        const int keyWidth = textWidth(name, key) + 10;
        drawText(painter, QRect(kMargin, y, keyWidth, kInfoLineHeight), Qt::AlignLeft | Qt::AlignVCenter, name, key,
                 kDimText);
        drawText(painter, QRect(kMargin + keyWidth, y, kSize - 2 * kMargin - keyWidth, kInfoLineHeight),
                 Qt::AlignRight | Qt::AlignVCenter, text, value, kText);
        y += kInfoLineHeight;
    }
    drawText(painter, QRect(kMargin, kSize - 26, kSize - 2 * kMargin, 20), Qt::AlignLeft | Qt::AlignVCenter,
             tr("Free software, GPL-3.0-or-later"), screenFont(kSmallPx), kDimText);
}

} // namespace neurorack::runtime
