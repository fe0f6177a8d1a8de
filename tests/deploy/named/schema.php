<?php
// The one table layout fpm_request.php (inside php-fpm) and fpm_cli.php (the CLI side) open, so
// both sides pass exactly the same schema to Rsipc\Table::open().
function named_open(string $name): Rsipc\Table
{
    return Rsipc\Table::open($name, 4096, ['n' => Rsipc\Table::TYPE_INT, 'pid' => Rsipc\Table::TYPE_INT]);
}
