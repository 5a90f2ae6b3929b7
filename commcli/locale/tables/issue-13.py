"""Vietnamese for the messages added by issue 13 (honest multilingual content)."""

T = {
    "no label is translated into this language yet; not printed":
        "chưa có nhãn nào được dịch sang ngôn ngữ này; không in",
}
T.update({
    "Form labels": "Nhãn biểu mẫu",
    "form labels are glossary terms (glossary/bieu-mau*.yaml): the same export and import closes them; 'commcli check --all' names each label.":
        "nhãn biểu mẫu là thuật ngữ (glossary/bieu-mau*.yaml): xuất và nhập thuật ngữ như trên là xong; 'commcli check --all' chỉ rõ từng nhãn.",
})
T.update({
    "{what}: '{cluster}' has two tone marks on one letter; no orthography writes that.":
        "{what}: '{cluster}' có hai dấu thanh trên một chữ; không chữ viết nào viết như vậy.",
    "Retype the letter with one tone mark (check the keyboard's input method: Unicode, not VNI or TCVN3).":
        "Gõ lại chữ đó với một dấu thanh (kiểm tra bộ gõ: bảng mã Unicode, không phải VNI hay TCVN3).",
    "it is the Vietnamese text copied": "đó là văn bản tiếng Việt chép sang",
    "{n} of its {total} words are Vietnamese": "{n} trên {total} từ là tiếng Việt",
    "{what}: the {lang} text is not a translation: {reason}.":
        "{what}: văn bản {lang} không phải là bản dịch: {reason}.",
    "Remove it until a native speaker writes it (a missing translation is reported as missing), or list names and loanwords kept on purpose under 'keep:'.":
        "Xóa đi cho đến khi người bản ngữ viết (bản dịch còn thiếu sẽ được báo là thiếu), hoặc ghi các tên riêng, từ mượn cố ý giữ nguyên vào 'keep:'.",
    "{what}: the {lang} text contains the Vietnamese phrase '{phrase}'.":
        "{what}: văn bản {lang} có cụm từ tiếng Việt '{phrase}'.",
    "Translate it, or list it under 'keep:' if it is a name kept on purpose.":
        "Hãy dịch cụm này, hoặc ghi vào 'keep:' nếu đó là tên riêng cố ý giữ nguyên.",
    "template '{name}'": "mẫu tin '{name}'",
    "Template '{name}' ({lang}) omits '{field}', which the Vietnamese text does not use.":
        "Mẫu tin '{name}' ({lang}) ghi bỏ '{field}', nhưng văn bản tiếng Việt không dùng trường này.",
    "Template '{name}': the {lang} text leaves out '{field}', which the Vietnamese text gives.":
        "Mẫu tin '{name}': văn bản {lang} bỏ mất '{field}', trong khi văn bản tiếng Việt có.",
    "Insert {{{{ {field} }}}} in the {lang} text, or write 'omits: [{field}]' under it if this language leaves it out on purpose.":
        "Thêm {{{{ {field} }}}} vào văn bản {lang}, hoặc ghi 'omits: [{field}]' dưới văn bản đó nếu ngôn ngữ này cố ý bỏ.",
    "Template '{name}': the {lang} text inserts '{field}', a Vietnamese free text, into a {lang} sentence.":
        "Mẫu tin '{name}': văn bản {lang} chèn '{field}' (chữ tiếng Việt tự do) vào câu {lang}.",
    "Declare the field under 'fields:' as 'kind: per-language' (items then give it per language) or 'kind: proper-name' (a name kept as is), or leave it out of this text ('omits: [{field}]').":
        "Khai báo trường này trong 'fields:' là 'kind: per-language' (mỗi tin ghi giá trị cho từng ngôn ngữ) hoặc 'kind: proper-name' (tên riêng giữ nguyên), hoặc bỏ khỏi văn bản này ('omits: [{field}]').",
    "Item '{id}' gives '{field}' in no {lang}; its {lang} text is left out.":
        "Tin '{id}' chưa ghi '{field}' bằng {lang}; văn bản {lang} của tin bị bỏ qua.",
    "Write the value per language: {field}: {{vi: …, {lang}: …}}.":
        "Ghi giá trị cho từng ngôn ngữ: {field}: {{vi: …, {lang}: …}}.",
    "Item '{id}': the {lang} value of '{field}' is the Vietnamese copied, not a translation.":
        "Tin '{id}': giá trị {lang} của '{field}' là tiếng Việt chép sang, không phải bản dịch.",
    "Write it in {lang}, or leave the {lang} value out until someone can (the text is then reported as missing).":
        "Viết bằng {lang}, hoặc để trống giá trị {lang} cho đến khi có người viết được (văn bản sẽ được báo là còn thiếu).",
    "Add its {lang} term to the glossary ({file}:{line}) and use it, or name it as in Vietnamese.":
        "Thêm thuật ngữ {lang} vào bảng thuật ngữ ({file}:{line}) rồi dùng, hoặc gọi tên như tiếng Việt.",
    "Name it with the glossary's term ({file}:{line}).": "Gọi tên bằng thuật ngữ trong bảng thuật ngữ ({file}:{line}).",
    "Write '{fact}' in the {lang} text exactly as in the item's 'facts:'.":
        "Viết '{fact}' trong văn bản {lang} đúng như trong 'facts:' của tin.",
    "The {lang} text leaves out '{fact}', which the Vietnamese text names ({ident}).":
        "Văn bản {lang} bỏ mất '{fact}', điều mà văn bản tiếng Việt có nêu ({ident}).",
    "it is the Vietnamese term copied": "đó là thuật ngữ tiếng Việt chép sang",
    "'{term}' is not a {lang} translation of '{vi}': {reason}.":
        "'{term}' không phải bản dịch {lang} của '{vi}': {reason}.",
    "Remove it (the term is then reported as missing, not faked), or, if the Vietnamese word is used as is on purpose, write 'kept: loanword' or 'kept: proper-name' under it.":
        "Xóa đi (thuật ngữ sẽ được báo là còn thiếu, không làm giả), hoặc nếu cố ý dùng nguyên từ tiếng Việt thì ghi 'kept: loanword' hay 'kept: proper-name' bên dưới.",
    "{unit}: '{value}' is not a kind of kept term.": "{unit}: '{value}' không phải là một loại từ giữ nguyên.",
    "'{term}' would go into the {lang} slot of '{id}', but it is Vietnamese, not a {lang} translation.":
        "'{term}' sẽ được ghi vào ô {lang} của '{id}', nhưng đó là tiếng Việt, không phải bản dịch {lang}.",
    "Leave the cell empty until a native speaker writes the term; if the Vietnamese word is kept on purpose, write loanword or proper-name in the '{lang}:kept' column.":
        "Để trống ô cho đến khi người bản ngữ viết thuật ngữ; nếu cố ý giữ nguyên từ tiếng Việt, ghi loanword hoặc proper-name vào cột '{lang}:kept'.",
})
T.update({
    "csv (spreadsheets), tbx (TBX-Basic 2008, what OmegaT, Weblate and Translate Toolkit read) or tbx3 (ISO 30042:2019).":
        "csv (bảng tính), tbx (TBX-Basic 2008, dạng OmegaT, Weblate và Translate Toolkit đọc được) hoặc tbx3 (ISO 30042:2019).",
})
