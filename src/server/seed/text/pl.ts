import type { LanguagePack } from './languagePack';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Polish demo texts. Customers are addressed formally ("Państwo"); agents write as "we". */
export const pl: LanguagePack = {
  topics: {
    returns: {
      subject: 'Zwrot towaru i pieniędzy – zamówienie {order}',
      opening: [
        'Chcę zwrócić urządzenie {product} z zamówienia {order}. Nie spełnia moich oczekiwań, a jest nadal w oryginalnym opakowaniu. Jak mogę odzyskać pieniądze?',
        'Paczka ze zwrotem urządzenia {product} (zamówienie {order}) dotarła do Państwa {date}, a zwrotu {amount} nadal nie ma na moim koncie.',
      ],
      followUp: 'Czy jest coś nowego w sprawie zwrotu pieniędzy za zamówienie {order}? Nadal nie widzę {amount} na koncie.',
      reply: 'Dziękujemy za informacje. Widzimy zamówienie {order} w systemie. Zwrot został zarejestrowany, a kwota {amount} wróci na Państwa konto w ciągu {days} dni roboczych.',
      resolution: 'Mamy dobrą wiadomość: zwrot {amount} za zamówienie {order} został dziś zlecony. Środki mogą pojawić się na koncie w ciągu {days} dni. Czy możemy pomóc w czymś jeszcze?',
      note: 'Zwrot urządzenia {product} (zamówienie {order}) sprawdzony w magazynie, bez uszkodzeń. Zwrot {amount} zatwierdzony.',
      callNotes: 'Klient dzwonił w sprawie zwrotu pieniędzy za {order}. Potwierdzono, że paczka dotarła do magazynu; zwrot {amount} w ciągu {days} dni.',
      videoSummary: 'Klient pokazał urządzenie {product} przed kamerą: nieużywane, w oryginalnym opakowaniu, widoczny paragon do zamówienia {order}.',
      videoNotes: 'Obiecano zwrot {amount} w ciągu {days} dni od zeskanowania etykiety zwrotnej.',
    },
    delivery: {
      subject: 'Zamówienie {order} nie dotarło',
      opening: [
        'Zamówienie {order} miało dotrzeć {date}, a nadal go nie ma. Gdzie jest moja paczka?',
        'Status przesyłki dla zamówienia {order} nie zmienił się od kilku dni. Czy urządzenie {product} zaginęło?',
      ],
      followUp: 'Paczki z zamówieniem {order} nadal nie ma. Na stronie kuriera nic się nie zmienia.',
      reply: 'Sprawdziliśmy zamówienie {order} u kuriera: paczka jest w jego oddziale i powinna zostać doręczona w ciągu {days} dni roboczych. Będziemy ją monitorować.',
      resolution: 'Kurier potwierdza, że zamówienie {order} zostało dziś doręczone. Życzymy udanego korzystania z urządzenia {product} i jeszcze raz przepraszamy za opóźnienie.',
      note: 'Kurier wszczął postępowanie wyjaśniające dla {order}. Jeśli w ciągu {days} dni nie będzie skanu, wysyłamy nowy egzemplarz.',
      callNotes: 'Klient pytał o spóźnione zamówienie {order}. Sprawdzono u kuriera – paczka jest w oddziale. Obiecano informację SMS-em.',
      videoSummary: 'Klient pokazał stronę śledzenia przesyłki {order}; ostatni skan pochodzi z {date}.',
      videoNotes: 'Obiecano bezpłatną wysyłkę nowego urządzenia {product}, jeśli paczka nie dotrze w ciągu {days} dni.',
    },
    warranty: {
      subject: 'Naprawa gwarancyjna: {product}',
      opening: [
        'Urządzenie {product} przestało się ładować po kilku miesiącach. Jest nadal na gwarancji (zamówienie {order}). Co mam zrobić?',
        'Ekran urządzenia {product} zaczął migać. Czy można go naprawić w ramach gwarancji?',
      ],
      followUp: 'Czy są jakieś informacje o naprawie urządzenia {product}? To trwa już dość długo.',
      reply: 'Przykro nam z tego powodu. Urządzenie {product} jest objęte 24-miesięczną gwarancją. Wyślemy bezpłatną etykietę kurierską; naprawa trwa zwykle {days} dni roboczych.',
      resolution: 'Urządzenie {product} zostało naprawione i jest już w drodze do Państwa. Gwarancja na wymienioną część została przedłużona o 12 miesięcy.',
      note: 'Diagnoza serwisu: uszkodzone gniazdo ładowania w urządzeniu {product}, naprawa w ramach gwarancji.',
      callNotes: 'Klient zgłasza usterkę urządzenia {product}. Przeprowadzono reset – bez zmian. Zarejestrowano naprawę gwarancyjną, etykieta kurierska wysłana e-mailem.',
      videoSummary: 'Klient zademonstrował usterkę urządzenia {product}: restartuje się po podłączeniu ładowarki. Brak widocznych uszkodzeń mechanicznych.',
      videoNotes: 'Obiecano bezpłatną naprawę gwarancyjną w ciągu {days} dni roboczych i urządzenie zastępcze, jeśli potrwa dłużej.',
    },
    setup: {
      subject: 'Pomoc w konfiguracji: {product}',
      opening: [
        'Nie mogę połączyć nowego urządzenia {product} z siecią Wi-Fi. Instrukcja w niczym nie pomaga.',
        'Jak przenieść dane ze starego telefonu na urządzenie {product}?',
      ],
      followUp: 'Kroki z Państwa wiadomości nie pomogły – urządzenie {product} nadal nie łączy się z siecią.',
      reply: 'Prosimy spróbować tak: przytrzymać przycisk zasilania przez 10 sekund, aby ponownie uruchomić urządzenie {product}, a potem otworzyć Ustawienia > Sieć i jeszcze raz wybrać swoją sieć Wi-Fi. Prosimy dać znać, co się wyświetla.',
      resolution: 'Cieszymy się, że urządzenie {product} już działa! Wysłaliśmy też link do naszego poradnika konfiguracji na przyszłość.',
      note: 'Znany problem z oprogramowaniem urządzenia {product}; aktualizacja z {date} usuwa zrywanie połączenia Wi-Fi.',
      callNotes: 'Przeprowadzono klienta przez pierwszą konfigurację urządzenia {product} przez telefon; przeniesienie danych zakończone w trakcie rozmowy.',
      videoSummary: 'Konfiguracja urządzenia {product} razem z klientem na wideo; połączenie Wi-Fi zrywa się po kilku sekundach.',
      videoNotes: 'Obiecano wysłać instrukcję krok po kroku e-mailem i oddzwonić po aktualizacji oprogramowania.',
    },
    loyalty: {
      subject: 'Brakujące punkty na karcie lojalnościowej',
      opening: [
        'Zakup urządzenia {product} z {date} nie został doliczony do mojej karty lojalnościowej.',
        'Saldo mojej karty lojalnościowej wygląda na błędne – powinno być około {points} pkt. Czy mogą Państwo to sprawdzić?',
      ],
      followUp: 'Nadal nie widzę punktów na karcie. Kiedy zostaną dopisane?',
      reply: 'Dziękujemy. Widzimy zakup z {date}; punkty nie zostały naliczone, bo karta nie została zeskanowana. Dopisaliśmy je ręcznie – pojawią się w ciągu {days} dni.',
      resolution: 'Na Państwa karcie lojalnościowej jest teraz {points} pkt. Można je wykorzystać przy następnych zakupach w salonie lub online.',
      note: 'Brakujące punkty za zakup z {date} dopisane ręcznie: {points} pkt.',
      callNotes: 'Klient pytał o saldo karty lojalnościowej. Punkty z {date} dopisane ręcznie; nowe saldo: {points} pkt.',
      videoSummary: 'Klient pokazał do kamery paragon z {date}; numer karty lojalnościowej na paragonie jest poprawny.',
      videoNotes: 'Obiecano dopisanie brakujących punktów w ciągu {days} dni i potwierdzenie SMS-em.',
    },
    payment: {
      subject: 'Nieudana płatność za zamówienie {order}',
      opening: [
        'Płatność kartą za zamówienie {order} się nie powiodła, ale pieniądze ({amount}) zniknęły z mojego konta!',
        'Nie mogę zapłacić za zamówienie – strona płatności za każdym razem pokazuje błąd.',
      ],
      followUp: 'Pieniądze nadal nie wróciły. Czy zamówienie {order} zostało złożone, czy nie?',
      reply: 'Sprawdziliśmy: płatność za zamówienie {order} nie została zakończona, więc kwota jest tylko zablokowana przez bank i zostanie zwolniona w ciągu {days} dni roboczych. Można bezpiecznie złożyć zamówienie ponownie.',
      resolution: 'Zamówienie {order} jest opłacone i potwierdzone. Bank zwolnił kwotę zablokowaną przy nieudanej próbie.',
      note: 'Log operatora płatności dla {order}: przekroczony czas 3-D Secure. Brak podwójnego obciążenia.',
      callNotes: 'Klient obawia się podwójnego obciążenia za {order}. Potwierdzono tylko jedną udaną płatność; druga to preautoryzacja, która wygaśnie.',
      videoSummary: 'Klient pokazał aplikację banku: dwie oczekujące transakcje po {amount} za zamówienie {order}.',
      videoNotes: 'Obiecano pisemne potwierdzenie, że zostanie rozliczona tylko jedna płatność.',
    },
    subscription: {
      subject: 'Rezygnacja z abonamentu',
      opening: [
        'Chcę zrezygnować z abonamentu. Jak to zrobić bez płacenia kary?',
        'Znowu pobrano {amount} za abonament, chociaż rezygnacja została złożona {date}.',
      ],
      followUp: 'Czy mój abonament został już anulowany? Nie chcę kolejnej opłaty.',
      reply: 'Chętnie pomożemy. Abonament można zakończyć z końcem bieżącego okresu rozliczeniowego bez żadnej opłaty. Czy mamy to zrobić teraz?',
      resolution: 'Abonament został anulowany. Nie pobierzemy już żadnych opłat, a ostatnia płatność w wysokości {amount} została zwrócona.',
      note: 'Oferta utrzymaniowa (3 miesiące za pół ceny) odrzucona. Rezygnacja przyjęta.',
      callNotes: 'Klient chce zrezygnować. Zaproponowano rabat – odmowa. Rezygnacja potwierdzona, wysłano e-mail z potwierdzeniem.',
      videoSummary: 'Klient pokazał wyciąg bankowy z obciążeniem {amount} po rezygnacji złożonej {date}.',
      videoNotes: 'Obiecano zwrot {amount} w ciągu {days} dni i pisemne potwierdzenie rezygnacji.',
    },
    invoice: {
      subject: 'Faktura do zamówienia {order}',
      opening: [
        'Potrzebuję faktury VAT do zamówienia {order} z danymi firmy. Czy mogą Państwo ją wystawić?',
        'Na fakturze do zamówienia {order} jest błędny adres. Proszę o korektę.',
      ],
      followUp: 'Skorygowana faktura do zamówienia {order} nadal do mnie nie dotarła.',
      reply: 'Oczywiście. Prosimy o przesłanie nazwy firmy, adresu i numeru NIP – wystawimy fakturę do zamówienia {order} w ciągu {days} dni roboczych.',
      resolution: 'Skorygowana faktura do zamówienia {order} została wysłana na Państwa adres e-mail. Można ją też pobrać z konta klienta.',
      note: 'Faktura do {order} wystawiona ponownie z nowymi danymi firmy; poprzednia anulowana.',
      callNotes: 'Klient potrzebuje faktury na firmę do {order}. NIP podany telefonicznie; faktura zostanie wysłana e-mailem.',
      videoSummary: 'Klient pokazał fakturę do zamówienia {order}; kod pocztowy i nazwa firmy są błędne.',
      videoNotes: 'Obiecano ponowne wystawienie faktury w ciągu {days} dni roboczych.',
    },
  },
  storeJourney: {
    returns: {
      promise: 'Obiecano wymianę urządzenia {product} w salonie „{store}”: egzemplarz zastępczy zarezerwowany, klient przyniesie paragon do zamówienia {order}.',
      invitation: 'Zgodnie z ustaleniami z rozmowy wideo zarezerwowaliśmy dla Państwa nowe urządzenie {product} w salonie „{store}”. Prosimy zabrać paragon do zamówienia {order}.',
      visit: 'Klient przyszedł do salonu „{store}” z paragonem do zamówienia {order}. Urządzenie {product} wymienione na zarezerwowany egzemplarz, zgodnie z obietnicą z rozmowy wideo.',
    },
    warranty: {
      promise: 'Obiecano sprawdzenie urządzenia {product} od ręki w salonie „{store}” i urządzenie zastępcze, jeśli trzeba będzie wysłać je do serwisu.',
      invitation: 'Zgodnie z ustaleniami salon „{store}” sprawdzi Państwa urządzenie {product} na miejscu. Wystarczy przyjść z urządzeniem – bez umawiania wizyty.',
      visit: 'Klient odwiedził salon „{store}”. Urządzenie {product} sprawdzone zgodnie z obietnicą z rozmowy wideo: usterka potwierdzona, urządzenie wysłane do serwisu, wydano urządzenie zastępcze.',
    },
    setup: {
      promise: 'Obiecano bezpłatną konfigurację w salonie „{store}”, łącznie z przeniesieniem danych.',
      invitation: 'Zarezerwowaliśmy dla Państwa bezpłatną konfigurację w salonie „{store}”. Prosimy zabrać urządzenie {product} i stary telefon.',
      visit: 'Klient przyszedł do salonu „{store}” na konfigurację obiecaną w rozmowie wideo. Dane przeniesione, urządzenie {product} połączone z Wi-Fi.',
    },
  },
  moodOpeners: {
    angry: ['To jest nie do przyjęcia.', 'Mam już tego dość.', 'Piszę w tej sprawie już trzeci raz!'],
    anxious: ['Trochę się martwię.', 'Przepraszam, że przeszkadzam, ale zaczynam się denerwować.', 'Proszę o pomoc, nie wiem, co robić.'],
    neutral: ['Dzień dobry,', 'Witam,'],
    happy: ['Dzień dobry! Do tej pory Państwa obsługa bardzo mi się podoba.', 'Cześć :)'],
  },
  moodClosers: {
    angry: ['Oczekuję odpowiedzi jeszcze dziś.', 'Jeśli to nie zostanie naprawione, rezygnuję ze wszystkiego.'],
    anxious: ['Czy mogą Państwo sprawdzić to jak najszybciej?', 'Mam nadzieję, że nic nie przepadło.'],
    neutral: ['Dziękuję.', 'Pozdrawiam.'],
    happy: ['Z góry bardzo dziękuję!', 'Miłego dnia!'],
  },
  nudges: ['Halo, czy ktoś tam jest?', 'Czy jest coś nowego w tej sprawie?', 'Nadal czekam na odpowiedź.'],
  holdingReplies: [
    'Dziękujemy za cierpliwość. Już to sprawdzamy i wkrótce się odezwiemy.',
    'Dziękujemy za informacje, przekazaliśmy sprawę do właściwego działu.',
  ],
  greeting: 'Dzień dobry,',
  signOff: 'Z pozdrowieniami\n{agent}',
  surveyComments: {
    low: ['Nikt nie rozwiązał mojego problemu.', 'Zdecydowanie za długo to trwało, a sprawę trzeba było wyjaśniać trzy razy.'],
    mid: ['W porządku, ale trwało to dość długo.', 'Ostatecznie sprawa załatwiona.'],
    high: ['Bardzo pomocna obsługa, dziękuję!', 'Szybko i miło.'],
  },
  kb: [
    { key: 'returns', title: 'Zwroty i zwrot pieniędzy', body: 'Większość produktów można zwrócić w ciągu 30 dni od dostawy – nieużywanych i w oryginalnym opakowaniu. Zwrot rozpoczyna się na koncie w zakładce Zamówienia > Zwrot: wystarczy wydrukować bezpłatną etykietę i nadać paczkę w dowolnym punkcie kurierskim albo przynieść produkt do jednego z naszych salonów. Pieniądze wracają tą samą metodą płatności w ciągu 14 dni od dotarcia zwrotu do magazynu; w przypadku kart bank może potrzebować dodatkowo 3–5 dni roboczych. Nie przyjmujemy zwrotów otwartego oprogramowania, kart SIM ani kart podarunkowych.' },
    { key: 'delivery-delays', title: 'Opóźnienia w dostawie', body: 'Większość zamówień dociera w ciągu 2–3 dni roboczych. Jeśli status przesyłki nie zmienia się od ponad 3 dni roboczych, kurier zwykle nadrabia zaległości po okresie wzmożonego ruchu. Najpierw warto sprawdzić link do śledzenia w e-mailu o wysyłce. Jeśli paczka spóźnia się ponad 5 dni roboczych, prosimy o kontakt: zgłosimy reklamację u kuriera, a jeśli przesyłka zaginęła, wyślemy nowy produkt lub zwrócimy pieniądze.' },
    { key: 'order-tracking', title: 'Śledzenie zamówienia', body: 'Gdy zamówienie opuszcza magazyn, wysyłamy e-mail i SMS z numerem przesyłki. Każde zamówienie można też śledzić na koncie w zakładce Zamówienia. Status „Gotowe do wysyłki” oznacza, że paczka jest spakowana i czeka na kuriera, a „W drodze” – że jest już w transporcie. Przy odbiorze w salonie pojawia się status „Gotowe do odbioru”; prosimy zabrać numer zamówienia i dokument tożsamości.' },
    { key: 'warranty', title: 'Gwarancja i naprawy', body: 'Każde urządzenie ma 24-miesięczną gwarancję. Aby zgłosić naprawę, prosimy podać numer zamówienia i opisać usterkę; wyślemy bezpłatną etykietę kurierską, można też zostawić urządzenie w dowolnym salonie. Naprawa trwa do 14 dni roboczych, a jeśli potrwa dłużej, wypożyczamy urządzenie zastępcze. Przed oddaniem urządzenia warto zrobić kopię zapasową danych: serwis może przywrócić ustawienia fabryczne. Gwarancja nie obejmuje uszkodzeń po upadku ani zalaniu, ale możemy przygotować wycenę płatnej naprawy.' },
    { key: 'device-setup', title: 'Konfiguracja nowego urządzenia', body: 'Przed pierwszym uruchomieniem należy w pełni naładować urządzenie. Następnie wystarczy postępować zgodnie z instrukcjami na ekranie: wybrać język, połączyć się z Wi-Fi i zalogować na swoje konto. Aby przenieść dane ze starego telefonu, należy położyć oba urządzenia obok siebie i podczas konfiguracji wybrać „Przenieś dane”. Jeśli połączenie Wi-Fi się zrywa, prosimy zainstalować najnowszą aktualizację w menu Ustawienia > System > Aktualizacja. W naszych salonach oferujemy bezpłatną konfigurację urządzeń kupionych u nas.' },
    { key: 'loyalty', title: 'Punkty na karcie lojalnościowej', body: 'Za każdą pełną złotówkę wydaną w salonie lub online otrzymuje się 1 punkt, jeśli karta lojalnościowa (LC-...) zostanie zeskanowana lub jest połączona z kontem. Punkty pojawiają się w ciągu 48 godzin i są ważne przez 24 miesiące. 100 punktów to 5 zł rabatu na kolejne zakupy. Brakujące punkty z ostatnich 90 dni konsultant może dopisać po podaniu numeru paragonu.' },
    { key: 'store-hours', title: 'Godziny otwarcia salonów', body: 'Warszawa – Nowy Świat: od poniedziałku do soboty 9:00–21:00, w niedziele handlowe 10:00–18:00. Αθήνα – Ερμού (Ateny): od poniedziałku do piątku 9:00–21:00, w sobotę 9:00–18:00, w niedzielę nieczynne. W święta godziny otwarcia mogą się zmienić; informujemy o tym na stronie salonu z tygodniowym wyprzedzeniem. Rozmowę wideo z doradcą salonu można umówić codziennie w godzinach 9:00–20:00.' },
    { key: 'payment-failed', title: 'Nieudana płatność', body: 'Jeśli płatność kartą się nie powiedzie, kwota może nadal być widoczna w aplikacji banku jako oczekująca. To tymczasowa blokada, a nie obciążenie – bank zwalnia ją w ciągu 3–7 dni roboczych. Prosimy sprawdzić, czy karta ma włączone płatności internetowe i czy płatność została potwierdzona w aplikacji banku (3-D Secure). Można spróbować ponownie, zapłacić BLIK-iem lub przelewem albo wybrać płatność przy odbiorze. Jeśli kwota rzeczywiście została pobrana dwukrotnie, prosimy o kontakt z numerem zamówienia – nadpłatę zwrócimy od razu.' },
    { key: 'cancel-subscription', title: 'Rezygnacja z abonamentu', body: 'Z abonamentu można zrezygnować w dowolnym momencie na koncie w zakładce Abonamenty > Rezygnacja lub kontaktując się z nami. Usługa pozostaje aktywna do końca bieżącego okresu rozliczeniowego, a po upływie minimalnego okresu umowy nie pobieramy opłaty za rezygnację. Urządzenia kupione na raty w ramach abonamentu trzeba spłacić do końca. Rezygnację potwierdzamy e-mailem – warto go zachować.' },
    { key: 'invoices', title: 'Faktury i VAT', body: 'Do każdego zamówienia wystawiamy paragon elektroniczny. Fakturę VAT z danymi firmy można zamówić przy składaniu zamówienia albo do 3 miesięcy po zakupie: wystarczy przesłać numer zamówienia, nazwę firmy, adres i NIP. Faktury korygujące wystawiamy w ciągu 5 dni roboczych i wysyłamy e-mailem. Wszystkie faktury można pobrać na koncie w zakładce Zamówienia > Dokumenty.' },
  ],
  canned: {
    greet: { title: 'Powitanie', body: 'Dzień dobry, dziękujemy za kontakt. W czym możemy pomóc?' },
    'sorry-delay': { title: 'Przeprosiny za opóźnienie', body: 'Przepraszamy za opóźnienie i związane z nim niedogodności. Zajmujemy się sprawą i poinformujemy Państwa, gdy tylko będziemy wiedzieć więcej.' },
    refund: { title: 'Zwrot zlecony', body: 'Zwrot pieniędzy został zlecony. W zależności od banku środki mogą pojawić się na koncie w ciągu 5 dni roboczych.' },
    'order-number': { title: 'Prośba o numer zamówienia', body: 'Czy mogą Państwo podać numer zamówienia? Zaczyna się od znaku # i znajduje się w e-mailu z potwierdzeniem zamówienia.' },
    thanks: { title: 'Podziękowanie za cierpliwość', body: 'Dziękujemy za cierpliwość podczas sprawdzania sprawy.' },
    callback: { title: 'Propozycja oddzwonienia', body: 'Czy mamy oddzwonić? Prosimy podać dogodną godzinę i numer telefonu.' },
    close: { title: 'Zakończenie', body: 'Cieszymy się, że mogliśmy pomóc. Jeśli pojawią się pytania, wystarczy odpowiedzieć na tę wiadomość. Miłego dnia!' },
    'store-visit': { title: 'Zaproszenie do salonu', body: 'Zapraszamy też do naszych salonów: pracownicy widzą tę rozmowę i będą kontynuować sprawę dokładnie od tego miejsca.' },
  },
  formatDate: (ms) => {
    const d = new Date(ms);
    return `${pad2(d.getUTCDate())}.${pad2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  },
  formatMoney: (cents) => `${(cents / 100).toFixed(2).replace('.', ',')} zł`,
};
