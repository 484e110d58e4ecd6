#!/usr/bin/env bash
# The API walk-through of the README, as a script you can run again and again against `npm start`:
# sign up (or sign in when the account exists), browse, fill a cart, pick a delivery address
# (the saved default, or a new one the first time) and place an order.
#
#   bash docs/walkthrough.sh                      # against http://127.0.0.1:3001/api
#   API=http://127.0.0.1:4000/api bash docs/walkthrough.sh
#   EMAIL=grace@example.com bash docs/walkthrough.sh
#
# Needs curl (7.76+ for --fail-with-body) and Node.js (already a prerequisite) to read the JSON.
# Any error stops the script with the API's answer; nothing carries on with an empty token.
# Prices are integers in minor units: 2499 means 24.99 in the product's currency.
# The single-quoted ${...} below are JavaScript template literals for node, not shell expansions.
# shellcheck disable=SC2016
set -euo pipefail

API="${API:-http://127.0.0.1:3001/api}"
EMAIL="${EMAIL:-ada@example.com}"
PASSWORD="${PASSWORD:-correct horse battery staple}"
NAME="${NAME:-Ada Lovelace}"

fail() {
  echo "walkthrough: $*" >&2
  exit 1
}

# api METHOD PATH [curl options...]: prints the response body; stops on an error status.
api() {
  local method=$1 path=$2 out code=0
  shift 2
  out=$(curl -sS --fail-with-body -w '\n%{http_code}' -X "$method" "$API$path" "$@" 2>/dev/null) || code=$?
  if [ "$code" -eq 22 ]; then fail "$method $path answered ${out##*$'\n'}: ${out%$'\n'*}"; fi
  if [ "$code" -ne 0 ]; then fail "$method $path: no answer from $API (curl exit $code); is npm start running?"; fi
  printf '%s' "${out%$'\n'*}"
}

# json EXPRESSION: evaluates a JavaScript expression over the JSON on stdin (as `it`) and prints
# the result; stops when the input is not JSON or the result is missing.
json() {
  node -e '
    const [expression] = process.argv.slice(1);
    const input = require("node:fs").readFileSync(0, "utf8");
    let it;
    try { it = JSON.parse(input); } catch { console.error(`walkthrough: not JSON: ${input.slice(0, 200)}`); process.exit(1); }
    const value = new Function("it", `return (${expression});`)(it);
    if (value === undefined || value === null || value === "") {
      console.error(`walkthrough: nothing at ${expression} in ${input.slice(0, 200)}`);
      process.exit(1);
    }
    console.log(typeof value === "object" ? JSON.stringify(value) : String(value));
  ' "$1"
}

# money MINOR CURRENCY: "2499 USD (24.99)"
money() { echo "$1 $2 ($(node -p "($1 / 100).toFixed(2)"))"; }

JSON=(-H 'content-type: application/json')

echo "1. sign up as $EMAIL, or sign in when that account exists"
credentials=$(EMAIL="$EMAIL" PASSWORD="$PASSWORD" NAME="$NAME" node -p \
  'JSON.stringify({ email: process.env.EMAIL, password: process.env.PASSWORD, name: process.env.NAME })')
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
status=$(curl -sS -o "$answer" -w '%{http_code}' -X POST "$API/auth/register" "${JSON[@]}" \
  -d "$credentials" 2>/dev/null) || fail "POST /auth/register: no answer from $API; is npm start running?"
case "$status" in
  201) how="registered" ;;
  409)
    how="signed in (the account already existed)"
    api POST /auth/login "${JSON[@]}" -d "$credentials" >"$answer"
    ;;
  *) fail "POST /auth/register answered $status: $(cat "$answer")" ;;
esac
TOKEN=$(json 'it.token' <"$answer")
AUTH=(-H "authorization: Bearer $TOKEN")
echo "   $how as $(json '`${it.user.name} <${it.user.email}>, role ${it.user.role}`' <"$answer")"

echo "2. categories (name: products)"
api GET /categories | json 'it.items.map((c) => `${c.category}: ${c.count}`).join(", ")' | sed 's/^/   /'

echo "3. the first Kitchen product with at least 2 in stock"
product=$(api GET "/products?category=Kitchen&limit=100" | json 'it.items.find((p) => p.stock >= 2)')
PRODUCT=$(json 'it.productId' <<<"$product")
echo "   $(json 'it.name' <<<"$product"), $(money "$(json 'it.price' <<<"$product")" "$(json 'it.currency' <<<"$product")"), id $PRODUCT"

echo "4. put 2 of them in the cart (PUT sets the quantity, so a second run does not add more)"
api PUT "/cart/items/$PRODUCT" "${AUTH[@]}" "${JSON[@]}" -d '{"quantity":2}' >/dev/null
cart=$(api GET /cart "${AUTH[@]}")
echo "   $(json 'it.items.map((i) => `${i.quantity} x ${i.product.name}`).join(", ")' <<<"$cart"), subtotal $(money "$(json 'it.subtotal' <<<"$cart")" "$(json 'it.currency' <<<"$cart")")"

echo "5. a delivery address: the saved default, or a new one (an account keeps at most 5)"
ADDRESS=$(api GET /users/me/addresses "${AUTH[@]}" | json '(it.items.find((a) => a.isDefault) ?? it.items[0] ?? {}).addressId ?? "none"')
if [ "$ADDRESS" = none ]; then
  ADDRESS=$(api POST /users/me/addresses "${AUTH[@]}" "${JSON[@]}" \
    -d '{"name":"Ada Lovelace","line1":"12 St James Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"}' |
    json 'it.addressId')
  echo "   saved a new address, $ADDRESS"
else
  echo "   using the saved address $ADDRESS"
fi

echo "6. place the order (the server prices it; one Idempotency-Key per attempt)"
order=$(api POST /orders "${AUTH[@]}" "${JSON[@]}" -H "idempotency-key: $(node -p 'crypto.randomUUID()')" \
  -d "{\"addressId\":\"$ADDRESS\"}")
echo "   order $(json 'it.orderNumber ?? it.orderId' <<<"$order"): $(json 'it.status' <<<"$order"), total $(money "$(json 'it.total' <<<"$order")" "$(json 'it.currency' <<<"$order")"), to $(json '`${it.shippingAddress.line1}, ${it.shippingAddress.city}`' <<<"$order")"

echo "7. your orders, newest first"
api GET "/orders?limit=5" "${AUTH[@]}" |
  json 'it.items.map((o) => `${o.orderNumber ?? o.orderId} ${o.status} ${o.total} ${o.currency}`).join("\n")' | sed 's/^/   /'
