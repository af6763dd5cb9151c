// SPDX-License-Identifier: GPL-3.0-or-later
#include "screen/menu.h"
#include "screen/screenpainter.h"

#include <QDir>
#include <QGuiApplication>
#include <QTest>

#include <functional>

using neurorack::runtime::Menu;
using neurorack::runtime::PresetEntry;
using neurorack::runtime::RuntimeView;
using neurorack::runtime::ScreenPainter;

namespace {

// The painter needs a QGuiApplication; run offscreen even when started by hand on a
// machine with a display (ctest sets the same).
void useOffscreenPlatform()
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}
Q_CONSTRUCTOR_FUNCTION(useOffscreenPlatform)

/// Main menu rows, in order.
enum MainRow { RowPresets, RowBanks, RowMapping, RowModel, RowVolume, RowCalibration, RowSystem, RowAbout };

/// What the module shows in the middle of a set: the original mapping, a morph half way.
RuntimeView realisticView()
{
    RuntimeView view;
    view.bankName = QStringLiteral("Factory impacts");
    view.bankId = QStringLiteral("factory");
    const QStringList names{QStringLiteral("Deep kick"),   QStringLiteral("Metal hit"),   QStringLiteral("Wood block"),    QStringLiteral("Cinematic boom"),
                            QStringLiteral("Snare crack"), QStringLiteral("Glass ting"),  QStringLiteral("Low tom"),       QStringLiteral("Sub drop"),
                            QStringLiteral("Room clap"),   QStringLiteral("Anvil"),       QStringLiteral("Frozen bell"),   QStringLiteral("Dust hit")};
    for (int i = 0; i < names.size(); ++i)
        view.presets << PresetEntry{i, names[i]};
    view.presetSlot = 3;
    view.presetName = names[3];
    view.banks = {QStringLiteral("factory.json"), QStringLiteral("live-set-2024.json"), QStringLiteral("metal-and-glass.json")};
    view.currentBank = QStringLiteral("factory.json");
    view.models = {QStringLiteral("neurorack-impact-v2.pt"), QStringLiteral("neurorack-impact-v3-small.pt")};
    view.currentModel = QStringLiteral("neurorack-impact-v3-small.pt");
    view.modelName = QStringLiteral("neurorack-impact");
    view.modelVersion = QStringLiteral("3");
    view.modelDevice = QStringLiteral("cuda");
    view.cv = {{{2.4, QStringLiteral("richness"), QStringLiteral("+1440 Hz")},
                {-1.2, QStringLiteral("noisiness"), QStringLiteral("\u22120.06")},
                {3.5, QStringLiteral("morph"), QStringLiteral("70 %")},
                {-0.5, QStringLiteral("pitch V/oct"), QStringLiteral("\u22126.0 st")}}};
    view.gates = {{{true, QStringLiteral("play")}, {false, QStringLiteral("play morph")}}};
    view.morphA = QStringLiteral("Deep kick");
    view.morphB = QStringLiteral("Metal hit");
    view.morphAmount = 0.7;
    view.volumeDb = -12.0;
    view.calibration = {{{1.0, 0.0, 2.41}, {1.0, 0.0, -1.19}, {0.98, -0.1, 3.62}, {1.0, 0.0, -0.49},
                         {1.0, 0.0, 4.97}, {1.0, 0.0, 0.02}}};
    view.mappingId = QStringLiteral("original");
    view.mappingName = QStringLiteral("Original panel");
    view.mappingLines = {QStringLiteral("CV1  richness \u00b13000 Hz"), QStringLiteral("CV2  noisiness \u00b10.5"),
                         QStringLiteral("CV3  morph 0\u20135 V"),        QStringLiteral("CV4  pitch 1 V/oct"),
                         QStringLiteral("G1  play"),                     QStringLiteral("G2  play morph")};
    view.stats.cpuPercent = 23.5;
    view.stats.temperatureC = 51.3;
    view.stats.renderMs = 4.2;
    view.stats.xruns = 0;
    view.stats.memoryMb = 312;
    view.stats.uptimeS = 3725;
    view.audioOutput = QStringLiteral("PCM5102 48 kHz / 64");
    view.usbState = QStringLiteral("connected");
    view.panelBackend = QStringLiteral("linux");
    view.version = QStringLiteral("0.1.0");
    return view;
}

void openPage(Menu &menu, const RuntimeView &view, int row)
{
    menu.longPress(view);
    menu.press(view);
    menu.turn(row, view);
    menu.press(view);
}

using Setup = std::function<void(Menu &, RuntimeView &)>;

struct Screen {
    QString name;
    Setup setup;
};

/// Every page, in the states worth looking at.
QList<Screen> screens()
{
    const auto page = [](int row) { return [row](Menu &menu, RuntimeView &view) { openPage(menu, view, row); }; };
    return {
        {QStringLiteral("home"), [](Menu &, RuntimeView &) {}},
        {QStringLiteral("home-notice"), [](Menu &, RuntimeView &view) { view.notice = QStringLiteral("Bank damaged: the last good copy was loaded."); }},
        {QStringLiteral("home-busy"), [](Menu &, RuntimeView &view) { view.busy = QStringLiteral("Loading model\u2026"); }},
        {QStringLiteral("home-empty"), [](Menu &, RuntimeView &view) {
             view = RuntimeView();
             view.notice = QStringLiteral("No bank found: the factory bank is missing.");
         }},
        {QStringLiteral("main"), [](Menu &menu, RuntimeView &view) { menu.press(view); menu.turn(2, view); }},
        {QStringLiteral("main-scrolled"), [](Menu &menu, RuntimeView &view) { menu.press(view); menu.turn(8, view); }},
        {QStringLiteral("presets"), page(RowPresets)},
        {QStringLiteral("presets-scrolled"), [](Menu &menu, RuntimeView &view) { openPage(menu, view, RowPresets); menu.turn(6, view); }},
        {QStringLiteral("banks"), page(RowBanks)},
        {QStringLiteral("mapping"), page(RowMapping)},
        {QStringLiteral("model"), page(RowModel)},
        {QStringLiteral("volume"), page(RowVolume)},
        {QStringLiteral("calibration"), page(RowCalibration)},
        {QStringLiteral("calibrate-zero"), [](Menu &menu, RuntimeView &view) { openPage(menu, view, RowCalibration); menu.press(view); }},
        {QStringLiteral("calibrate-five"), [](Menu &menu, RuntimeView &view) {
             openPage(menu, view, RowCalibration);
             menu.turn(4, view);
             menu.press(view);
             view.calibration[4].rawVolts = 0.03;
             menu.press(view);
         }},
        {QStringLiteral("calibrate-error"), [](Menu &menu, RuntimeView &view) {
             openPage(menu, view, RowCalibration);
             menu.press(view);
             view.calibration[0].rawVolts = 0.01;
             menu.press(view);
             menu.press(view);
         }},
        {QStringLiteral("calibrate-done"), [](Menu &menu, RuntimeView &view) {
             openPage(menu, view, RowCalibration);
             menu.press(view);
             view.calibration[0].rawVolts = 0.1;
             menu.press(view);
             view.calibration[0].rawVolts = 5.2;
             menu.press(view);
         }},
        {QStringLiteral("system"), page(RowSystem)},
        {QStringLiteral("system-notice"), [](Menu &menu, RuntimeView &view) {
             openPage(menu, view, RowSystem);
             view.notice = QStringLiteral("Audio under-run");
             view.stats.xruns = 3;
             view.stats.temperatureC = std::nan("");
         }},
        {QStringLiteral("about"), page(RowAbout)},
    };
}

/// Pixels in @p rect that differ from @p background.
int countDifferent(const QImage &image, const QRect &rect, QRgb background)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (image.pixel(x, y) != background)
                ++count;
        }
    }
    return count;
}

bool contains(const QImage &image, QRgb colour)
{
    return countDifferent(image, image.rect(), colour) < image.width() * image.height();
}

QString screensDir()
{
    return QStringLiteral(NEURORACK_BINARY_DIR "/screens/");
}

} // namespace

class tst_ScreenPainter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pages_data();
    void pages();
    void highlightFollowsCursor();
    void noticeOnlyWithNotice();
    void busyTitle();
    void gateLamps();
};

void tst_ScreenPainter::initTestCase()
{
    QVERIFY(QDir().mkpath(screensDir()));
}

void tst_ScreenPainter::pages_data()
{
    QTest::addColumn<int>("index");
    const QList<Screen> all = screens();
    for (int i = 0; i < all.size(); ++i)
        QTest::addRow("%s", qPrintable(all[i].name)) << i;
}

void tst_ScreenPainter::pages()
{
    QFETCH(int, index);
    const Screen screen = screens()[index];
    RuntimeView view = realisticView();
    Menu menu;
    screen.setup(menu, view);

    const QImage image = ScreenPainter().paint(view, menu);
    QCOMPARE(image.size(), QSize(ScreenPainter::kSize, ScreenPainter::kSize));
    QVERIFY(image.format() == QImage::Format_RGB32);
    const QString path = screensDir() + screen.name + QStringLiteral(".png");
    QVERIFY2(image.save(path), qPrintable(path));

    // The title was drawn: text pixels on the title bar.
    const QRgb titleBackground = view.busy.isEmpty() ? ScreenPainter::kTitleBackground : ScreenPainter::kBusyBackground;
    QCOMPARE(image.pixel(1, 1), titleBackground);
    QVERIFY2(countDifferent(image, ScreenPainter::titleRect(), titleBackground) > 40, "no title text");
    // And the page has content below it.
    const QRect body(0, ScreenPainter::kTitleHeight, ScreenPainter::kSize, ScreenPainter::kSize - ScreenPainter::kTitleHeight);
    QVERIFY2(countDifferent(image, body, ScreenPainter::kBackground) > 400, "empty page");

    // Lists: the selected row is highlighted, the others are not.
    if (menu.visibleRows() > 0) {
        for (int row = menu.firstVisibleRow(); row < menu.firstVisibleRow() + menu.visibleRows(); ++row) {
            const QRect rect = ScreenPainter::rowRect(menu, row);
            if (row >= menu.rows(view).size())
                break;
            QVERIFY(!rect.isNull());
            const bool selected = row == menu.cursor();
            QCOMPARE(image.pixel(rect.left() + 1, rect.top() + 2) == ScreenPainter::kHighlight, selected);
            QCOMPARE(image.pixel(rect.right() - 1, rect.bottom() - 1) == ScreenPainter::kHighlight, selected);
        }
    }
}

void tst_ScreenPainter::highlightFollowsCursor()
{
    const RuntimeView view = realisticView();
    Menu menu;
    openPage(menu, view, RowPresets);
    const ScreenPainter painter;
    for (int step = 0; step < 10; ++step) {
        const QImage image = painter.paint(view, menu);
        const QRect rect = ScreenPainter::rowRect(menu, menu.cursor());
        QVERIFY2(!rect.isNull(), "the cursor's row is scrolled out of sight");
        QCOMPARE(image.pixel(rect.left() + 1, rect.center().y()), ScreenPainter::kHighlight);
        menu.turn(1, view);
    }
    QVERIFY(menu.firstVisibleRow() > 0); // it did scroll
}

void tst_ScreenPainter::noticeOnlyWithNotice()
{
    RuntimeView view = realisticView();
    Menu menu;
    const ScreenPainter painter;
    const QRect banner = ScreenPainter::noticeRect();
    const QPoint probe(banner.left() + 4, banner.bottom() - 4);

    QVERIFY(painter.paint(view, menu).pixel(probe) != ScreenPainter::kWarning);
    view.notice = QStringLiteral("Bank damaged: last good copy loaded");
    const QImage withNotice = painter.paint(view, menu);
    QCOMPARE(withNotice.pixel(probe), ScreenPainter::kWarning);
    QCOMPARE(withNotice.pixel(banner.center().x(), banner.top() + 2), ScreenPainter::kWarning);
    // Text on the banner.
    QVERIFY(countDifferent(withNotice, banner.adjusted(8, 4, -8, -4), ScreenPainter::kWarning) > 100);

    // Away from Home: no banner over the list, a warning dot in the title bar instead.
    menu.press(view); // dismisses (the runtime clears the notice)...
    QCOMPARE(menu.page(), Menu::Page::Home);
    view.notice.clear();
    menu.press(view); // ...then opens the menu
    view.notice = QStringLiteral("USB transfer failed");
    const QImage list = painter.paint(view, menu);
    QVERIFY(list.pixel(probe) != ScreenPainter::kWarning);
    QVERIFY(countDifferent(list, ScreenPainter::titleRect(), ScreenPainter::kWarning)
            < ScreenPainter::titleRect().width() * ScreenPainter::titleRect().height());
    view.notice.clear();
    QVERIFY(!contains(painter.paint(view, menu), ScreenPainter::kWarning));
}

void tst_ScreenPainter::busyTitle()
{
    RuntimeView view = realisticView();
    const Menu menu;
    const ScreenPainter painter;
    QCOMPARE(painter.paint(view, menu).pixel(1, 1), ScreenPainter::kTitleBackground);
    view.busy = QStringLiteral("Loading model\u2026");
    QCOMPARE(painter.paint(view, menu).pixel(1, 1), ScreenPainter::kBusyBackground);
}

void tst_ScreenPainter::gateLamps()
{
    RuntimeView view = realisticView();
    const Menu menu;
    const ScreenPainter painter;
    view.gates[0].high = false;
    view.gates[1].high = false;
    QVERIFY(!contains(painter.paint(view, menu), ScreenPainter::kGateOn));
    view.gates[1].high = true;
    QVERIFY(contains(painter.paint(view, menu), ScreenPainter::kGateOn));
}

QTEST_MAIN(tst_ScreenPainter)
#include "tst_screenpainter.moc"
